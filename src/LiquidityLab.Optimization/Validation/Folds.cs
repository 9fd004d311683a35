namespace LiquidityLab.Optimization.Validation;

/// <summary>A half-open range [Start, End) of bars.</summary>
public readonly record struct BarRange(int Start, int End)
{
    public int Length => End - Start;
    public override string ToString() => $"[{Start}, {End})";
}

/// <summary>One fold: the bars a point is scored on in sample, and the later bars it is tested on (none for a plain in-sample study).</summary>
public sealed record Fold(int Index, BarRange Train, BarRange? Test);

/// <summary>
/// Splits n bars in time, never shuffling: every test range lies after its training range, so an
/// out-of-sample score is a score on the future of what was tuned.
/// </summary>
public static class Folds
{
    /// <summary>All bars in sample, nothing held out.</summary>
    public static IReadOnlyList<Fold> InSampleOnly(int bars) => [new Fold(0, new BarRange(0, bars), null)];

    /// <summary>The first ⌊n·trainFraction⌋ bars to tune on, the rest to test on.</summary>
    public static IReadOnlyList<Fold> TrainTest(int bars, double trainFraction)
    {
        if (!(trainFraction > 0 && trainFraction < 1)) throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "must be in (0, 1)");
        var cut = (int)Math.Floor(bars * trainFraction);
        if (cut < 2 || bars - cut < 2) throw new ArgumentOutOfRangeException(nameof(bars), bars, $"too few bars ({bars}) to split at {trainFraction}");
        return [new Fold(0, new BarRange(0, cut), new BarRange(cut, bars))];
    }

    /// <summary>
    /// Rolling walk-forward: the bars are cut into folds + trainBlocks equal blocks (the remainder goes
    /// to the last block); fold k trains on blocks k … k + trainBlocks − 1 and tests on block k + trainBlocks.
    /// </summary>
    public static IReadOnlyList<Fold> WalkForward(int bars, int folds, int trainBlocks = 1)
    {
        if (folds < 1) throw new ArgumentOutOfRangeException(nameof(folds), folds, "must be >= 1");
        if (trainBlocks < 1) throw new ArgumentOutOfRangeException(nameof(trainBlocks), trainBlocks, "must be >= 1");
        var blocks = folds + trainBlocks;
        var size = bars / blocks;
        if (size < 2) throw new ArgumentOutOfRangeException(nameof(bars), bars, $"too few bars ({bars}) for {blocks} blocks");
        int Edge(int b) => b == blocks ? bars : b * size;
        return Enumerable.Range(0, folds)
            .Select(k => new Fold(k, new BarRange(Edge(k), Edge(k + trainBlocks)), new BarRange(Edge(k + trainBlocks), Edge(k + trainBlocks + 1))))
            .ToArray();
    }
}
