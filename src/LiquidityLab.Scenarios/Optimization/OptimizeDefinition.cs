using LiquidityLab.Scenarios.Schema;

namespace LiquidityLab.Scenarios.Optimization;

public enum OptimizeMethod
{
    Grid,
    Random,
    Bayesian,
}

public enum OptimizeDirection
{
    Maximize,
    Minimize,
}

public enum ValidationMode
{
    /// <summary>Every bar in sample, nothing held out.</summary>
    None,

    /// <summary>The first train_fraction of the bars to tune on, the rest to test on.</summary>
    Split,

    /// <summary>Rolling folds: train on train_blocks blocks, test on the next one.</summary>
    WalkForward,
}

/// <summary>
/// The <c>optimize:</c> block of an alpha scenario: which keys to tune over what ranges, how, against
/// which headline metric, and how the bars are split into in-sample and out-of-sample parts.
/// </summary>
public sealed class OptimizeDefinition : IValidatable
{
    public const string Key = "optimize";

    [Doc("grid (grid_points per parameter), random or bayesian (Gaussian process + expected improvement)")]
    public OptimizeMethod Method { get; set; } = OptimizeMethod.Bayesian;

    [Range(1, 10_000), Doc("trials for random and bayesian (a grid runs all its points)")]
    public int Trials { get; set; } = 40;

    [Range(1, 10_000), Doc("bayesian: random trials before the surrogate takes over")]
    public int Initial { get; set; } = 10;

    [Range(1, 1000), Doc("grid: values per parameter, ends included")]
    public int GridPoints { get; set; } = 5;

    [Doc("the headline metric to optimise: sharpe (annualised), sortino, total_pnl, max_drawdown, hit_rate, ... (see summary.json)")]
    public string Objective { get; set; } = "sharpe";

    public OptimizeDirection Direction { get; set; } = OptimizeDirection.Maximize;

    [RequiredKey, MinItems(1)]
    public List<OptimizeParameter> Parameters { get; set; } = [];

    public ValidationConfig Validation { get; set; } = new();

    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < Parameters.Count; i++)
        {
            var p = Parameters[i];
            var path = $"parameters[{i}]";
            if (p.Key.Split('.')[0].Split('[')[0] is "market_data" or "seed" or "name" or "kind")
                context.Error($"{path}.key", p.Key, "not allowed: the market data, seed, name and kind stay fixed across trials (they define what is being tuned on)");
            if (p.Max < p.Min) context.Error($"{path}.max", p.Max, $"not allowed: below min ({p.Min})");
            if (p.Log && !(p.Min > 0)) context.Error($"{path}.min", p.Min, "not allowed: a log scale needs min > 0");
            if (Parameters.Take(i).Any(q => q.Key == p.Key)) context.Error($"{path}.key", p.Key, "not allowed: tuned twice");
        }
        if (Method == OptimizeMethod.Grid && Math.Pow(GridPoints, Parameters.Count) > 100_000)
            context.Error("grid_points", GridPoints, $"not allowed: {GridPoints}^{Parameters.Count} grid points is more than 100,000");
    }
}

public sealed class OptimizeParameter
{
    [RequiredKey, Doc("key path as for --set, e.g. quoting.half_spread or signals[0].periods")]
    public string Key { get; set; } = "";

    [RequiredKey, Range(double.NegativeInfinity, double.PositiveInfinity)]
    public double Min { get; set; }

    [RequiredKey, Range(double.NegativeInfinity, double.PositiveInfinity)]
    public double Max { get; set; }

    [Doc("search on a log scale (min > 0)")]
    public bool Log { get; set; }

    [Doc("whole numbers only")]
    public bool Integer { get; set; }
}

public sealed class ValidationConfig
{
    [Doc("none, split (train/test in time) or walk_forward")]
    public ValidationMode Mode { get; set; } = ValidationMode.Split;

    [Range(0, 1, MinExclusive = true, MaxExclusive = true), Doc("split: share of the bars tuned on (the rest is the test)")]
    public double TrainFraction { get; set; } = 0.7;

    [Range(1, 1000), Doc("walk_forward: folds")]
    public int Folds { get; set; } = 3;

    [Range(1, 1000), Doc("walk_forward: blocks each fold trains on (it tests on the next)")]
    public int TrainBlocks { get; set; } = 1;
}
