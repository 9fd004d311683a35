namespace LiquidityLab.Simulation.Alpha;

/// <summary>
/// The risk controls; each is off at its default. Every threshold acts when it is reached, not only
/// when it is passed: a position may reach the limit but not pass it; PnL at −stop_loss stops.
/// </summary>
/// <param name="PositionLimit">|inventory| may reach but never pass this (lots): a side whose fill would pass it is not quoted.</param>
/// <param name="StopLoss">When total PnL ≤ −StopLoss: flatten and stop quoting for the rest of the run.</param>
/// <param name="MaxDrawdown">When PnL is this far below its running peak: pause quoting for PauseBars bars (the peak then restarts from the PnL at resumption).</param>
/// <param name="PauseBars">Length of a drawdown pause, bars.</param>
/// <param name="InventoryPause">When |inventory| ≥ this, only the side that reduces it is quoted.</param>
/// <param name="FlattenAtClose">On the last bar of each day: no quotes and flatten with a market order.</param>
/// <param name="VolatilityHalt">When current/reference volatility ≥ this: halt quoting for HaltBars bars (circuit breaker).</param>
/// <param name="HaltBars">Length of a halt, bars.</param>
public sealed record RiskSettings(
    long PositionLimit = long.MaxValue,
    double StopLoss = double.PositiveInfinity,
    double MaxDrawdown = double.PositiveInfinity,
    int PauseBars = 30,
    long InventoryPause = long.MaxValue,
    bool FlattenAtClose = false,
    double VolatilityHalt = double.PositiveInfinity,
    int HaltBars = 10);

/// <summary>Kinds of risk intervention, as exported.</summary>
public enum RiskAction
{
    PositionLimit,
    StopLoss,
    DrawdownPause,
    InventoryPause,
    EndOfDayFlatten,
    CircuitBreaker,
    Resume,
}

/// <summary>One intervention: when, what, why, the measured value and the threshold it met.</summary>
public readonly record struct RiskEvent(int Bar, long TimeNanos, RiskAction Action, string Reason, double Value, double Threshold);

/// <summary>What the risk manager allows at a bar: which sides may quote and whether to flatten now.</summary>
public readonly record struct RiskDecision(bool AllowBid, bool AllowAsk, bool Flatten)
{
    public static readonly RiskDecision None = new(false, false, false);
}

/// <summary>
/// Applies <see cref="RiskSettings"/> bar by bar and logs every intervention once, when it starts
/// (a limit that keeps binding is one event per spell, not one per bar), and when a pause ends.
/// </summary>
public sealed class RiskManager(RiskSettings settings)
{
    private readonly List<RiskEvent> _events = [];
    private bool _stopped, _bidLimited, _askLimited, _inventoryPaused;
    private int _pausedUntil = -1, _haltedUntil = -1;
    private double _peak = double.NegativeInfinity;

    public RiskSettings Settings { get; } = settings;
    public IReadOnlyList<RiskEvent> Events => _events;
    public bool Stopped => _stopped;

    /// <summary>
    /// Decides for bar <paramref name="bar"/> given the PnL and inventory now, the sizes the quoter
    /// wants, the volatility ratio and whether this is the day's last bar.
    /// </summary>
    public RiskDecision Assess(int bar, long time, double pnl, long inventory, long bidSize, long askSize, double volatilityRatio, bool lastBarOfDay)
    {
        var s = Settings;
        if (_stopped) return RiskDecision.None;
        if (pnl <= -s.StopLoss)
        {
            _stopped = true;
            Log(bar, time, RiskAction.StopLoss, "PnL at or below the stop-loss: flatten and stop quoting", pnl, -s.StopLoss);
            return new RiskDecision(false, false, inventory != 0);
        }
        if (lastBarOfDay && s.FlattenAtClose)
        {
            Log(bar, time, RiskAction.EndOfDayFlatten, "last bar of the day: flatten, no quotes", inventory, 0);
            _peak = Math.Max(_peak, pnl);
            return new RiskDecision(false, false, inventory != 0);
        }

        if (bar == _pausedUntil) { Log(bar, time, RiskAction.Resume, "drawdown pause over", pnl, _peak); _peak = pnl; }
        if (bar == _haltedUntil) Log(bar, time, RiskAction.Resume, "volatility halt over", volatilityRatio, s.VolatilityHalt);
        _peak = Math.Max(_peak, pnl);
        var paused = bar < _pausedUntil;
        if (!paused && _peak - pnl >= s.MaxDrawdown)
        {
            _pausedUntil = bar + s.PauseBars;
            paused = true;
            Log(bar, time, RiskAction.DrawdownPause, $"drawdown at or above the limit: pause {s.PauseBars} bars", _peak - pnl, s.MaxDrawdown);
        }
        var halted = bar < _haltedUntil;
        if (!halted && volatilityRatio >= s.VolatilityHalt)
        {
            _haltedUntil = bar + s.HaltBars;
            halted = true;
            Log(bar, time, RiskAction.CircuitBreaker, $"volatility ratio at or above the breaker: halt {s.HaltBars} bars", volatilityRatio, s.VolatilityHalt);
        }
        if (paused || halted) return RiskDecision.None;

        var allowBid = bidSize > 0;
        var allowAsk = askSize > 0;
        var large = Math.Abs(inventory) >= s.InventoryPause;
        if (large != _inventoryPaused)
        {
            _inventoryPaused = large;
            if (large) Log(bar, time, RiskAction.InventoryPause, "inventory at or above the pause level: only the reducing side quotes", inventory, s.InventoryPause);
            else Log(bar, time, RiskAction.Resume, "inventory back below the pause level", inventory, s.InventoryPause);
        }
        if (large)
        {
            allowBid &= inventory < 0;
            allowAsk &= inventory > 0;
        }

        var bidBreaches = bidSize > 0 && Breaches(inventory, bidSize);
        var askBreaches = askSize > 0 && Breaches(-inventory, askSize);
        if (bidBreaches && !_bidLimited) Log(bar, time, RiskAction.PositionLimit, "a bid fill would pass the position limit: bid withheld", inventory + bidSize, s.PositionLimit);
        if (askBreaches && !_askLimited) Log(bar, time, RiskAction.PositionLimit, "an ask fill would pass the position limit: ask withheld", inventory - askSize, -s.PositionLimit);
        _bidLimited = bidBreaches;
        _askLimited = askBreaches;
        return new RiskDecision(allowBid && !bidBreaches, allowAsk && !askBreaches, false);
    }

    // would buying `size` more take `position` (signed towards the side) past the limit?
    private bool Breaches(long position, long size) =>
        Settings.PositionLimit != long.MaxValue && position + size > Settings.PositionLimit;

    private void Log(int bar, long time, RiskAction action, string reason, double value, double threshold) =>
        _events.Add(new RiskEvent(bar, time, action, reason, value, threshold));
}
