using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Scenarios.Schema;

/// <summary>A distribution of order sizes in lots; <c>kind:</c> fixed, uniform, poisson, exponential or lognormal.</summary>
public abstract class SizeConfig
{
    public abstract SizeDistribution ToDistribution();
}

[Kind("fixed")]
public sealed class FixedSizeConfig : SizeConfig
{
    [Range(1, long.MaxValue), Doc("lots")]
    public long Lots { get; set; } = 1;

    public override SizeDistribution ToDistribution() => new FixedSize(Lots);
}

[Kind("uniform"), Doc("uniform on the integers [min, max]")]
public sealed class UniformSizeConfig : SizeConfig, IValidatable
{
    [RequiredKey, Range(1, long.MaxValue)]
    public long Min { get; set; } = 1;

    [RequiredKey, Range(1, long.MaxValue)]
    public long Max { get; set; } = 1;

    public void Validate(ValidationContext context)
    {
        if (Max < Min) context.Error("max", Max, $"not allowed: must be >= min ({Min})");
    }

    public override SizeDistribution ToDistribution() => new UniformSize(Min, Max);
}

[Kind("poisson"), Doc("1 + Poisson(mean − 1), capped at max")]
public sealed class PoissonSizeConfig : SizeConfig
{
    [RequiredKey, Range(1, double.PositiveInfinity)]
    public double Mean { get; set; } = 1;

    [Range(1, long.MaxValue)]
    public long Max { get; set; } = 1_000_000;

    public override SizeDistribution ToDistribution() => new PoissonSize(Mean, Max);
}

[Kind("exponential"), Doc("exponential with the given mean, rounded, at least 1, capped at max")]
public sealed class ExponentialSizeConfig : SizeConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true)]
    public double Mean { get; set; } = 1;

    [Range(1, long.MaxValue)]
    public long Max { get; set; } = 1_000_000;

    public override SizeDistribution ToDistribution() => new ExponentialSize(Mean, Max);
}

[Kind("lognormal"), Doc("log-normal with the given median and log-volatility sigma, rounded, at least 1, capped at max")]
public sealed class LogNormalSizeConfig : SizeConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true)]
    public double Median { get; set; } = 1;

    [RequiredKey, Range(0, double.PositiveInfinity)]
    public double Sigma { get; set; }

    [Range(1, long.MaxValue)]
    public long Max { get; set; } = 1_000_000;

    public override SizeDistribution ToDistribution() => new LogNormalSize(Median, Sigma, Max);
}

[Kind("mixture"), Doc("a mixture of size distributions, one component drawn by weight")]
public sealed class MixtureSizeConfig : SizeConfig
{
    [RequiredKey, MinItems(1)]
    public List<MixtureComponentConfig> Components { get; set; } = [];

    public override SizeDistribution ToDistribution() => new MixtureSize(Components.Select(c => (c.Weight, c.Size!.ToDistribution())).ToArray());
}

public sealed class MixtureComponentConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("relative weight")]
    public double Weight { get; set; } = 1;

    [RequiredKey]
    public SizeConfig? Size { get; set; }
}
