namespace LiquidityLab.Analytics.Metrics;

/// <summary>Summary of an inventory path, sampled once per step.</summary>
public readonly record struct InventoryStats(double Mean, double MeanAbsolute, double Variance, long MaxAbsolute, double ShareAtLimit)
{
    /// <param name="inventory">Inventory at each step, in lots.</param>
    /// <param name="limit">Hard limit, or null when there is none.</param>
    public static InventoryStats Of(ReadOnlySpan<long> inventory, long? limit)
    {
        if (inventory.Length == 0) return new InventoryStats(0, 0, 0, 0, 0);
        double sum = 0, sumAbs = 0;
        long maxAbs = 0, atLimit = 0;
        foreach (var q in inventory)
        {
            sum += q;
            var abs = Math.Abs(q);
            sumAbs += abs;
            if (abs > maxAbs) maxAbs = abs;
            if (limit is { } l && abs >= l) atLimit++;
        }
        var mean = sum / inventory.Length;
        double ss = 0;
        foreach (var q in inventory) ss += (q - mean) * (q - mean);
        return new InventoryStats(mean, sumAbs / inventory.Length, ss / inventory.Length, maxAbs, atLimit / (double)inventory.Length);
    }
}
