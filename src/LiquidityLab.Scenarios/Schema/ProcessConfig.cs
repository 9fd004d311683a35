using LiquidityLab.Core.Processes;
using LiquidityLab.Simulation.MonteCarlo;

namespace LiquidityLab.Scenarios.Schema;

/// <summary>A mid-price process; <c>kind:</c> abm, gbm, ou or regime.</summary>
public abstract class ProcessConfig
{
    public abstract IMidProcess ToProcess();

    /// <summary>The same process as the Monte Carlo engine's regimes (family, regimes, switch rates, initial regime).</summary>
    public abstract (MidFamily Family, IReadOnlyList<MidRegime> Regimes, double[][]? SwitchRates, int Initial) ToMonteCarlo();
}

[Kind("abm"), Doc("arithmetic random walk: dS = drift dt + volatility dW")]
public sealed class ArithmeticWalkConfig : ProcessConfig
{
    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("price units per unit time")]
    public double Drift { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("price units per √time")]
    public double Volatility { get; set; }

    public override IMidProcess ToProcess() => new ArithmeticRandomWalk(Drift, Volatility);

    public override (MidFamily, IReadOnlyList<MidRegime>, double[][]?, int) ToMonteCarlo() =>
        (MidFamily.Linear, [new MidRegime("abm", Drift, Volatility)], null, 0);
}

[Kind("gbm"), Doc("geometric Brownian motion: dS/S = drift dt + volatility dW")]
public sealed class GbmConfig : ProcessConfig
{
    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("per unit time")]
    public double Drift { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("relative, per √time")]
    public double Volatility { get; set; }

    public override IMidProcess ToProcess() => new GeometricBrownianMotion(Drift, Volatility);

    public override (MidFamily, IReadOnlyList<MidRegime>, double[][]?, int) ToMonteCarlo() =>
        (MidFamily.Geometric, [new MidRegime("gbm", Drift, Volatility)], null, 0);
}

[Kind("ou"), Doc("Ornstein–Uhlenbeck: dS = mean_reversion (mean − S) dt + volatility dW")]
public sealed class OrnsteinUhlenbeckConfig : ProcessConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("speed of reversion per unit time; half-life ln2 / speed")]
    public double MeanReversion { get; set; }

    [RequiredKey, Doc("level the mid reverts to")]
    public double Mean { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("price units per √time")]
    public double Volatility { get; set; }

    public override IMidProcess ToProcess() => new OrnsteinUhlenbeck(MeanReversion, Mean, Volatility);

    public override (MidFamily, IReadOnlyList<MidRegime>, double[][]?, int) ToMonteCarlo() =>
        (MidFamily.Linear, [new MidRegime("ou", 0, Volatility, MeanReversion, Mean)], null, 0);
}

[Kind("regime"), Doc("Markov regime switch between processes")]
public sealed class RegimeSwitchConfig : ProcessConfig, IValidatable
{
    [RequiredKey, MinItems(1)]
    public List<RegimeConfig> Regimes { get; set; } = [];

    [RequiredKey, Doc("square matrix: switch_rates[i][j] = rate per unit time of moving from regime i to j (diagonal ignored)")]
    public List<List<double>> SwitchRates { get; set; } = [];

    [Doc("name of the starting regime; the first one if empty")]
    public string Initial { get; set; } = "";

    public void Validate(ValidationContext context)
    {
        var n = Regimes.Count;
        if (SwitchRates.Count != n || SwitchRates.Any(r => r.Count != n))
            context.Error("switch_rates", $"{SwitchRates.Count} row(s)", $"not allowed: must be a {n}x{n} matrix, one row and one column per regime");
        for (var i = 0; i < SwitchRates.Count; i++)
        for (var j = 0; j < SwitchRates[i].Count; j++)
            if (i != j && !(SwitchRates[i][j] >= 0))
                context.Error($"switch_rates[{i}][{j}]", SwitchRates[i][j], "not allowed: rates must be >= 0");
        if (Initial.Length > 0 && Regimes.All(r => r.Name != Initial))
            context.Error("initial", Initial, $"not allowed: one of {string.Join(", ", Regimes.Select(r => r.Name))}");
        var duplicate = Regimes.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) context.Error("regimes", duplicate.Key, "not allowed: regime names must be unique");
    }

    public override IMidProcess ToProcess()
    {
        var initial = Initial.Length == 0 ? 0 : Regimes.FindIndex(r => r.Name == Initial);
        return new RegimeSwitchingProcess(
            Regimes.Select(r => new Regime(r.Name, r.Process!.ToProcess())).ToArray(),
            SwitchRates.Select(r => r.ToArray()).ToArray(),
            initial);
    }

    /// <summary>
    /// The Monte Carlo engine switches between regimes of one family: random walks and OU processes
    /// (additive), or GBMs (multiplicative); <see cref="MonteCarloProblem"/> names the conflict.
    /// </summary>
    public override (MidFamily, IReadOnlyList<MidRegime>, double[][]?, int) ToMonteCarlo()
    {
        var parts = Regimes.Select(r => r.Process!.ToMonteCarlo()).ToArray();
        var regimes = parts.Select((p, i) => p.Regimes[0] with { Name = Regimes[i].Name }).ToArray();
        var initial = Initial.Length == 0 ? 0 : Regimes.FindIndex(r => r.Name == Initial);
        return (parts[0].Family, regimes, SwitchRates.Select(r => r.ToArray()).ToArray(), initial);
    }

    /// <summary>Why the Monte Carlo engine cannot run this switch, or null if it can.</summary>
    public string? MonteCarloProblem()
    {
        if (Regimes.Any(r => r.Process is RegimeSwitchConfig)) return "a regime inside a regime switch is not supported by the Monte Carlo engine";
        var geometric = Regimes.Count(r => r.Process is GbmConfig);
        return geometric > 0 && geometric < Regimes.Count
            ? "the Monte Carlo engine switches between regimes of one family: all gbm, or all abm/ou"
            : null;
    }
}

public sealed class RegimeConfig
{
    [RequiredKey]
    public string Name { get; set; } = "";

    [RequiredKey]
    public ProcessConfig? Process { get; set; }
}
