using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Simulation.Alpha;

/// <summary>
/// One bar of market data: its time (nanoseconds since the start of the data), the trading day it
/// belongs to, the mid (price units) and, where the data has one, the top of book (prices in price
/// units, sizes in lots). Volume is 0 when the data has none. Bars built from book events also carry
/// the bar's order flow (Σ of the Cont–Kukanov–Stoikov contributions of its updates) and mean depth;
/// NaN otherwise.
/// </summary>
public readonly record struct MarketBar(long TimeNanos, int Day, double Mid, TopOfBook? Quote = null, double Volume = 0,
    double OrderFlow = double.NaN, double Depth = double.NaN)
{
    /// <summary>Half the quoted market spread, or null without a top of book.</summary>
    public double? MarketHalfSpread => Quote is { } q && q.AskPrice > q.BidPrice ? 0.5 * (q.AskPrice - q.BidPrice) : null;
}
