using LiquidityLab.Core.Domain;
using LiquidityLab.Simulation.Dealer;
using LiquidityLab.Strategies.Hedging;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Scenarios.Schema.Dealer;

public sealed class MakerConfig : IValidatable
{
    [RequiredKey]
    public string Name { get; set; } = "";

    [RequiredKey]
    public QuotingConfig? Quoting { get; set; }

    [Range(1, long.MaxValue), Doc("hard limit on |inventory| in lots; a trade that would pass it is rejected; null = no limit")]
    public long? InventoryLimit { get; set; }

    [Doc("hedge back once |inventory| passes a threshold; null = never hedge")]
    public HedgeConfig? Hedge { get; set; }

    public void Validate(ValidationContext context)
    {
        if (Name.Length == 0) context.Error("name", Name, "not allowed: must not be empty");
        if (Hedge != null && InventoryLimit is { } limit && limit < Hedge.Threshold)
            context.Error("inventory_limit", limit,
                $"not allowed: below the hedge threshold {Hedge.Threshold} (hedge.threshold); the limit must be >= the threshold, or the hedge would never trigger");
    }

    public MakerSetup ToSetup() => new(Name, Quoting!.ToPolicy(), InventoryLimit, Hedge?.ToSetup());
}

/// <summary>How a maker prices; <c>kind:</c> fixed or inventory_skew.</summary>
public abstract class QuotingConfig
{
    public abstract IQuotingPolicy ToPolicy();
}

[Kind("fixed"), Doc("mid ± spread/2")]
public sealed class FixedQuotingConfig : QuotingConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("full bid-ask spread in price units")]
    public double Spread { get; set; }

    public override IQuotingPolicy ToPolicy() => new FixedSpreadQuoting(Spread);
}

[Kind("inventory_skew"), Doc("centre shifted by −skew_per_lot × inventory; half-spread spread/2 + volatility_widening × σ")]
public sealed class InventorySkewQuotingConfig : QuotingConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("full bid-ask spread in price units")]
    public double Spread { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("price shift of both quotes per lot of inventory")]
    public double SkewPerLot { get; set; }

    [Range(0, double.PositiveInfinity), Doc("extra half-spread per unit of mid volatility")]
    public double VolatilityWidening { get; set; }

    public override IQuotingPolicy ToPolicy() => new InventorySkewQuoting(Spread, SkewPerLot, VolatilityWidening);
}

public enum HedgeTargetConfig
{
    /// <summary>back to ±threshold</summary>
    Threshold,
    /// <summary>back to flat</summary>
    Flat,
    /// <summary>back to ±level</summary>
    Level,
}

public sealed class HedgeConfig : IValidatable
{
    [RequiredKey, Range(0, long.MaxValue), Doc("hedge when |inventory| exceeds this many lots")]
    public long Threshold { get; set; }

    [Range(0, double.PositiveInfinity), Doc("money paid over the mid per unit hedged")]
    public decimal CostPerUnit { get; set; }

    [Range(0, double.PositiveInfinity), Doc("extra cost per unit, per lot of hedge size (linear impact)")]
    public decimal SlippagePerUnit { get; set; }

    [Doc("where a hedge brings |inventory|: threshold, flat, or level")]
    public HedgeTargetConfig Target { get; set; } = HedgeTargetConfig.Threshold;

    [Range(0, long.MaxValue), Doc("|inventory| after a hedge when target is level")]
    public long Level { get; set; }

    public void Validate(ValidationContext context)
    {
        if (Target == HedgeTargetConfig.Level && Level > Threshold)
            context.Error("level", Level, $"not allowed: must be <= threshold ({Threshold})");
    }

    public HedgeSetup ToSetup()
    {
        var rule = Target switch
        {
            HedgeTargetConfig.Threshold => new ThresholdHedger(Threshold),
            HedgeTargetConfig.Flat => new ThresholdHedger(Threshold, HedgeTarget.Level, 0),
            _ => new ThresholdHedger(Threshold, HedgeTarget.Level, Level),
        };
        return new HedgeSetup(rule, CostPerUnit, SlippagePerUnit);
    }
}
