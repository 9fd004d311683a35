using LiquidityLab.Simulation.MonteCarlo;

namespace LiquidityLab.Scenarios.Schema.Quoting;

/// <summary>
/// The model-based market-making lab: Monte Carlo paths of a maker quoting around a simulated mid,
/// filled with intensity A·e^(−k·δ). Every strategy runs in every market, on the same paths
/// (common random numbers).
/// </summary>
[Kind("optimal_quoting")]
public sealed class OptimalQuotingScenario : Scenario
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("T: the horizon, in model time units")]
    public double Horizon { get; set; } = 1;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("time step; horizon / dt must be a whole number of steps")]
    public double Dt { get; set; } = 0.005;

    [Range(1, 10_000_000), Doc("independent Monte Carlo paths per (market, strategy)")]
    public int Paths { get; set; } = 1000;

    [Range(0, 1000), Doc("paths whose every step is kept for figures, the sample-path CSV and markouts")]
    public int SamplePaths { get; set; } = 50;

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("q0: inventory at the start, in units")]
    public double InitialInventory { get; set; }

    [Range(0, 1024), Doc("threads for the paths; 0 = all cores (results do not depend on it)")]
    public int Threads { get; set; }

    [RequiredKey, MinItems(1), Doc("market conditions; every strategy runs in each")]
    public List<MarketConfig> Markets { get; set; } = [];

    [RequiredKey]
    public FillConfig Fills { get; set; } = new();

    [Doc("quotes use an EWMA estimate of σ from the path instead of the true σ; null = true σ")]
    public VolatilityEstimateConfig? VolatilityEstimate { get; set; }

    [RequiredKey, MinItems(1)]
    public List<StrategyConfig> Strategies { get; set; } = [];

    [Doc("markout horizons in steps after each fill")]
    public List<int> MarkoutHorizons { get; set; } = [1, 10, 50];

    [Doc("published numbers to show beside the simulated ones (e.g. the paper's tables)")]
    public List<PublishedResult> Published { get; set; } = [];

    public int Steps => (int)Math.Round(Horizon / Dt);

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        var steps = Horizon / Dt;
        if (Math.Abs(steps - Math.Round(steps)) > 1e-9 * steps || Math.Round(steps) < 1)
            context.Error("dt", Dt, $"not allowed: horizon / dt = {steps} must be a whole number of steps >= 1");
        else if (Math.Round(steps) > 10_000_000)
            context.Error("dt", Dt, "not allowed: more than 10,000,000 steps");
        if ((double)Paths * Math.Round(steps) > 2e12)
            context.Error("paths", Paths, "not allowed: paths × steps above 2e12");
        Unique(context, "markets", Markets.Select(m => m.Name));
        Unique(context, "strategies", Strategies.Select(s => s.Name));
        for (var i = 0; i < MarkoutHorizons.Count; i++)
            if (MarkoutHorizons[i] < 0) context.Error($"markout_horizons[{i}]", MarkoutHorizons[i], "not allowed: must be >= 0 steps");
        for (var i = 0; i < Published.Count; i++)
        {
            if (Strategies.All(s => s.Name != Published[i].Strategy))
                context.Error($"published[{i}].strategy", Published[i].Strategy, $"not allowed: one of {string.Join(", ", Strategies.Select(s => s.Name))}");
            if (Published[i].Market.Length > 0 && Markets.All(m => m.Name != Published[i].Market))
                context.Error($"published[{i}].market", Published[i].Market, $"not allowed: one of {string.Join(", ", Markets.Select(m => m.Name))}");
        }
        if (Fills.InventoryBound is { } bound && Math.Abs(InitialInventory) > bound)
            context.Error("initial_inventory", InitialInventory, $"not allowed: |q0| must be <= fills.inventory_bound ({bound})");
    }

    private static void Unique(ValidationContext context, string key, IEnumerable<string> names)
    {
        var duplicate = names.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) context.Error(key, duplicate.Key, "not allowed: names must be unique");
    }
}

/// <summary>One market condition: the mid's process and its options.</summary>
public sealed class MarketConfig : IValidatable
{
    [RequiredKey]
    public string Name { get; set; } = "";

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("s0: mid at the start")]
    public double Initial { get; set; } = 100;

    [RequiredKey, Doc("abm, gbm, ou, or regime (a switch between abm/ou regimes, or between gbm regimes)")]
    public ProcessConfig? Process { get; set; }

    [Doc("normal: Gaussian steps; binomial: the paper's s ± σ√dt coin")]
    public Innovation Innovation { get; set; } = Innovation.Normal;

    [Doc("compound Poisson jumps added to the mid (log-mid for gbm); null = none")]
    public JumpConfig? Jumps { get; set; }

    [Doc("GARCH(1,1)-type volatility clustering around the process's σ; null = constant σ")]
    public GarchConfig? Garch { get; set; }

    public void Validate(ValidationContext context)
    {
        if (Name.Length == 0) context.Error("name", Name, "not allowed: must not be empty");
        if (Process is RegimeSwitchConfig r && r.MonteCarloProblem() is { } problem) context.Error("process", "regime", "not allowed: " + problem);
        if (Process is GbmConfig && !(Initial > 0)) context.Error("initial", Initial, "not allowed: a gbm mid must start > 0");
    }

    public MidModelSpec ToSpec()
    {
        var (family, regimes, rates, initial) = Process!.ToMonteCarlo();
        return new MidModelSpec(Initial, family, Innovation, regimes, rates, initial,
            Jumps is { } j ? new JumpSpec(j.Rate, j.Mean, j.StdDev) : null,
            Garch is { } g ? new GarchSpec(g.Alpha, g.Beta) : null);
    }

    /// <summary>σ in price units at the start (σ·s0 for gbm): what a strategy that needs one number for σ uses.</summary>
    public double NominalSigma()
    {
        var spec = ToSpec();
        var sigma = spec.Regimes[spec.InitialRegime].Volatility;
        return spec.Family == MidFamily.Geometric ? sigma * Initial : sigma;
    }
}

public sealed class JumpConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity), Doc("jumps per unit time")]
    public double Rate { get; set; }

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("mean jump size")]
    public double Mean { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("standard deviation of a jump")]
    public double StdDev { get; set; }
}

public sealed class GarchConfig : IValidatable
{
    [RequiredKey, Range(0, 1), Doc("weight of the last squared shock")]
    public double Alpha { get; set; }

    [RequiredKey, Range(0, 1), Doc("weight of the last variance")]
    public double Beta { get; set; }

    public void Validate(ValidationContext context)
    {
        if (Alpha + Beta >= 1) context.Error("beta", Beta, $"not allowed: alpha + beta = {Alpha + Beta} must be < 1 (a stationary variance)");
    }
}

public sealed class FillConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("A: fill intensity of a quote at the mid, per unit time")]
    public double A { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("k: decay of the intensity per unit of distance from the mid")]
    public double K { get; set; }

    [Doc("linear: p = λ·dt (the paper); exponential: p = 1 − e^(−λ·dt)")]
    public FillProbability Probability { get; set; } = FillProbability.Linear;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("units per fill")]
    public double OrderSize { get; set; } = 1;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("the maker stops quoting a side that would take |q| past this; null = unbounded")]
    public double? InventoryBound { get; set; }

    [Doc("optional self-exciting (Hawkes) order flow: fills cluster in time")]
    public HawkesConfig? Hawkes { get; set; }

    public FillModelSpec ToSpec() => new(A, K, Probability, OrderSize, InventoryBound,
        Hawkes?.ToSpec());
}

public sealed class HawkesConfig : IValidatable
{
    [Range(0, double.PositiveInfinity), Doc("jump of a side's arrival intensity after a fill on that side, per unit time")]
    public double SelfExcitation { get; set; }

    [Range(0, double.PositiveInfinity), Doc("jump of the other side's arrival intensity after a fill, per unit time")]
    public double CrossExcitation { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("decay rate of the excitation, per unit time")]
    public double Decay { get; set; }

    public HawkesSpec ToSpec() => new(SelfExcitation, CrossExcitation, Decay);

    public void Validate(ValidationContext context)
    {
        var ratio = ToSpec().BranchingBound;
        if (Decay > 0 && ratio >= 1)
            context.Error("decay", Decay, $"not allowed: (self_excitation + cross_excitation) / decay = {ratio:G4} must be < 1 (a stationary flow)");
    }
}

public sealed class VolatilityEstimateConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("half-life of the EWMA of squared mid changes, in steps")]
    public double HalfLifeSteps { get; set; }
}

/// <summary>A quoting strategy; <c>kind:</c> avellaneda_stoikov, symmetric, glft, fixed or linear_skew.</summary>
public abstract class StrategyConfig
{
    [RequiredKey]
    public string Name { get; set; } = "";

    /// <summary>γ for the reports (heatmaps by risk aversion); null for strategies without one.</summary>
    public virtual double? RiskAversion => null;
}

[Kind("avellaneda_stoikov"), Doc("finite-horizon AS: r = s − qγσ²(T − t), spread γσ²(T − t) + (2/γ)ln(1 + γ/k)")]
public sealed class AvellanedaStoikovConfig : StrategyConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("γ: risk aversion")]
    public double Gamma { get; set; }

    public override double? RiskAversion => Gamma;
}

[Kind("symmetric"), Doc("the paper's benchmark: AS's average spread for this γ, centred on the mid")]
public sealed class SymmetricConfig : StrategyConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("γ of the AS strategy whose average spread it quotes")]
    public double Gamma { get; set; }

    public override double? RiskAversion => Gamma;
}

[Kind("glft"), Doc("Guéant–Lehalle–Fernandez-Tapia closed-form asymptotic quotes")]
public sealed class GlftConfig : StrategyConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("γ: risk aversion")]
    public double Gamma { get; set; }

    public override double? RiskAversion => Gamma;
}

[Kind("fixed"), Doc("constant spread centred on the mid")]
public sealed class FixedSpreadConfig : StrategyConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity), Doc("full spread, price units")]
    public double Spread { get; set; }
}

[Kind("linear_skew"), Doc("constant spread, both quotes shifted by −skew × q")]
public sealed class LinearSkewConfig : StrategyConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity), Doc("full spread, price units")]
    public double Spread { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("price shift of both quotes per unit of inventory")]
    public double SkewPerUnit { get; set; }
}

/// <summary>Numbers from the literature for one (strategy, market), shown beside the simulation's.</summary>
public sealed class PublishedResult
{
    [RequiredKey]
    public string Strategy { get; set; } = "";

    [Doc("market name; empty = the first market")]
    public string Market { get; set; } = "";

    [Doc("where the numbers come from")]
    public string Source { get; set; } = "";

    [Range(double.NegativeInfinity, double.PositiveInfinity)] public double? Spread { get; set; }
    [Range(double.NegativeInfinity, double.PositiveInfinity)] public double? ProfitMean { get; set; }
    [Range(double.NegativeInfinity, double.PositiveInfinity)] public double? ProfitStd { get; set; }
    [Range(double.NegativeInfinity, double.PositiveInfinity)] public double? FinalInventoryMean { get; set; }
    [Range(double.NegativeInfinity, double.PositiveInfinity)] public double? FinalInventoryStd { get; set; }
}
