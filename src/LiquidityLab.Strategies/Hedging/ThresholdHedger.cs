using LiquidityLab.Core.Domain;

namespace LiquidityLab.Strategies.Hedging;

/// <summary>Where a hedge brings the inventory back to.</summary>
public enum HedgeTarget
{
    /// <summary>Back to ±threshold: the smallest hedge that restores the rule.</summary>
    Threshold,
    /// <summary>Back to a configured level (0 = flat), on the side of the current position.</summary>
    Level,
}

/// <summary>A hedge to send: side and size in lots.</summary>
public readonly record struct HedgeOrder(Side Side, long Lots);

/// <summary>
/// Hedges once |inventory| exceeds the threshold (strictly: inventory equal to the threshold is
/// allowed), trading back to the threshold or to a target level.
/// </summary>
public sealed class ThresholdHedger
{
    public ThresholdHedger(long threshold, HedgeTarget target = HedgeTarget.Threshold, long targetLevel = 0)
    {
        if (threshold < 0) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "must be >= 0");
        if (target == HedgeTarget.Level && (targetLevel < 0 || targetLevel > threshold))
            throw new ArgumentOutOfRangeException(nameof(targetLevel), targetLevel, $"must be in [0, threshold = {threshold}]");
        Threshold = threshold;
        Target = target;
        TargetLevel = targetLevel;
    }

    public long Threshold { get; }
    public HedgeTarget Target { get; }
    public long TargetLevel { get; }

    /// <summary>The hedge the rule asks for at this inventory, or null when none is due.</summary>
    public HedgeOrder? Decide(long inventory)
    {
        var abs = Math.Abs(inventory);
        if (abs <= Threshold) return null;
        var keep = Target == HedgeTarget.Threshold ? Threshold : TargetLevel;
        // a long position is hedged by selling, a short one by buying
        return new HedgeOrder(inventory > 0 ? Side.Sell : Side.Buy, abs - keep);
    }
}
