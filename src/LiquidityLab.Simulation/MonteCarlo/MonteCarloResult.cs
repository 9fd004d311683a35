namespace LiquidityLab.Simulation.MonteCarlo;

/// <summary>
/// What a Monte Carlo study returns. Per path: terminal numbers (memory grows with paths, not
/// steps). Per recorded point in time: cross-path means and standard deviations. And the full
/// step-by-step record of the first few paths, for figures and markouts.
/// PnL = cash + q·S − q0·S0, and it splits exactly (to rounding) into spread capture Σ size·δ over
/// fills plus inventory PnL Σ q·ΔS over steps.
/// </summary>
public sealed class MonteCarloResult
{
    internal MonteCarloResult(MonteCarloSetup setup, int points)
    {
        Setup = setup;
        var n = setup.Paths;
        FinalPnl = new double[n];
        FinalInventory = new double[n];
        SpreadCapture = new double[n];
        InventoryPnl = new double[n];
        MeanQuotedSpread = new double[n];
        BidFills = new double[n];
        AskFills = new double[n];
        MaxAbsInventory = new double[n];
        PointStep = new int[points];
        MeanPnl = new double[points];
        StdPnl = new double[points];
        MeanInventory = new double[points];
        StdInventory = new double[points];
        MeanSpread = new double[points];
        MeanMid = new double[points];
    }

    public MonteCarloSetup Setup { get; }

    public double[] FinalPnl { get; }
    public double[] FinalInventory { get; }
    public double[] SpreadCapture { get; }
    public double[] InventoryPnl { get; }

    /// <summary>Per path, the quoted spread δb + δa averaged over its steps (the paper's "average spread").</summary>
    public double[] MeanQuotedSpread { get; }

    public double[] BidFills { get; }
    public double[] AskFills { get; }
    public double[] MaxAbsInventory { get; }

    /// <summary>Step index of each recorded point: 0, then every stride steps, and always the last step.</summary>
    public int[] PointStep { get; }

    public double[] MeanPnl { get; }
    public double[] StdPnl { get; }
    public double[] MeanInventory { get; }
    public double[] StdInventory { get; }

    /// <summary>Mean over paths of the spread quoted at the step before the point (NaN at point 0).</summary>
    public double[] MeanSpread { get; }

    public double[] MeanMid { get; }

    public IReadOnlyList<SamplePath> Samples { get; internal set; } = [];
}

/// <summary>
/// One path step by step. Mid, Inventory and Pnl have Steps + 1 entries (before the first step and
/// after each); Bid, Ask and the fill flags have Steps (the quote in force during each step).
/// </summary>
public sealed class SamplePath(int steps)
{
    public double[] Mid { get; } = new double[steps + 1];
    public double[] Inventory { get; } = new double[steps + 1];
    public double[] Pnl { get; } = new double[steps + 1];
    public double[] Bid { get; } = new double[steps];
    public double[] Ask { get; } = new double[steps];
    public bool[] BidFilled { get; } = new bool[steps];
    public bool[] AskFilled { get; } = new bool[steps];
}
