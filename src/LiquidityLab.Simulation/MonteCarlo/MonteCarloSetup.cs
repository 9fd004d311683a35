namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>The random source of the mid's innovations: a Gaussian, or the paper's ±1 coin (s ± σ√dt).</summary>
public enum Innovation { Normal, Binomial }

/// <summary>How the mid moves between steps: additively (random walk, OU) or multiplicatively (GBM).</summary>
public enum MidFamily { Linear, Geometric }

/// <summary>
/// One regime of the mid. Linear family: dS = [μ + θ(m − S)] dt + σ dW, stepped exactly (θ = 0 is
/// the arithmetic random walk, μ = 0 and θ > 0 the Ornstein–Uhlenbeck process). Geometric family:
/// dS/S = μ dt + σ dW (θ and m unused).
/// </summary>
public sealed record MidRegime(string Name, double Drift, double Volatility, double MeanReversion = 0, double Mean = 0);

/// <summary>Compound Poisson jumps: Rate per unit time, sizes normal (price units; log units for a geometric mid).</summary>
public sealed record JumpSpec(double Rate, double Mean, double StdDev);

/// <summary>
/// GARCH(1,1)-type clustering of the innovation variance, in units of its long-run level:
/// v' = (1 − α − β) + α·Z²·v + β·v, so the long-run variance is the regime's σ² (α + β &lt; 1).
/// </summary>
public sealed record GarchSpec(double Alpha, double Beta);

/// <summary>
/// The mid of a Monte Carlo study: a family, one or more regimes with Markov switching between them
/// (SwitchRates[i][j] per unit time; null for one regime), optional jumps and volatility clustering.
/// </summary>
public sealed record MidModelSpec(
    double Initial,
    MidFamily Family,
    Innovation Innovation,
    IReadOnlyList<MidRegime> Regimes,
    double[][]? SwitchRates = null,
    int InitialRegime = 0,
    JumpSpec? Jumps = null,
    GarchSpec? Garch = null);

/// <summary>Per side, the probability of a fill in a step of length dt at intensity λ: λ·dt (capped at 1) or 1 − e^(−λ·dt).</summary>
public enum FillProbability { Linear, Exponential }

/// <summary>
/// Hawkes-style self-excitation of the order flow that fills the maker: each fill raises the arrival
/// intensity of its own side by <see cref="SelfExcitation"/> and of the other side by
/// <see cref="CrossExcitation"/> (per unit time), and the excess decays at rate <see cref="Decay"/>.
/// Fills then cluster in time, as real trades do. With a quote at distance δ ≥ 0 a fill begets on
/// average at most (self + cross)/decay further fills, so that ratio must stay below one.
/// </summary>
public sealed record HawkesSpec(double SelfExcitation, double CrossExcitation, double Decay)
{
    public double BranchingBound => (SelfExcitation + CrossExcitation) / Decay;
}

/// <summary>
/// Fills: each side of the maker's quote is hit independently in a step with a probability from the
/// intensity λ(δ) = (A + e)·e^(−k·δ), δ the distance of the quote from the mid and e that side's
/// excitation (0 without <see cref="Hawkes"/>), for one order of <see cref="OrderSize"/> units. A maker
/// whose inventory would pass ±<see cref="InventoryBound"/> does not quote that side.
/// </summary>
public sealed record FillModelSpec(double A, double K, FillProbability Probability = FillProbability.Linear, double OrderSize = 1,
    double? InventoryBound = null, HawkesSpec? Hawkes = null);

/// <summary>Quotes use the true volatility of the mid, or an EWMA estimate of it from the path so far.</summary>
/// <param name="HalfLifeSteps">Half-life of the EWMA of squared mid changes, in steps; null = use the true σ.</param>
public sealed record VolatilityEstimateSpec(double HalfLifeSteps);

/// <summary>
/// A Monte Carlo study of one quoting rule in one market: Paths independent paths of Steps steps of
/// length Horizon/Steps. Path i draws its mid from stream ("mid", i) and its fills from ("fills", i)
/// of the run seed, so two studies with the same seed share their mid paths and fill uniforms
/// (common random numbers), and the results do not depend on the thread count.
/// </summary>
public sealed record MonteCarloSetup(
    MidModelSpec Mid,
    FillModelSpec Fills,
    double Horizon,
    int Steps,
    int Paths,
    double InitialInventory = 0,
    VolatilityEstimateSpec? VolatilityEstimate = null,
    int SamplePaths = 0,
    int MaxPoints = 250)
{
    public double Dt => Horizon / Steps;
}
