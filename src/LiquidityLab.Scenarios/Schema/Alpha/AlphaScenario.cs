namespace LiquidityLab.Scenarios.Schema.Alpha;

/// <summary>
/// Alpha-driven market making: signals forecast the next moves, the quotes lean on the forecast and
/// the inventory, an execution model fills them, a risk manager intervenes. One run over one market
/// data set (synthetic, a CSV of bars, or LOBSTER level 1).
/// </summary>
[Kind("alpha")]
public sealed class AlphaScenario : Scenario
{
    public InstrumentConfig Instrument { get; set; } = new();

    [RequiredKey, Doc("synthetic, csv or lobster")]
    public MarketDataConfig? MarketData { get; set; }

    [Range(0, double.PositiveInfinity), Doc("money the maker starts with: relative drawdown is of capital + PnL (0: of PnL alone, undefined until PnL has had a positive peak)")]
    public double Capital { get; set; }

    [Range(1, 366), Doc("trading days per year, for annualised Sharpe and Sortino (× √(bars per day × days per year))")]
    public double DaysPerYear { get; set; } = 252;

    [RequiredKey, MinItems(1), Doc("the signals, combined by weight × confidence")]
    public List<SignalConfig> Signals { get; set; } = [];

    public ConfidenceConfig Confidence { get; set; } = new();

    [Range(2, 100_000), Doc("each signal is divided by the root mean square of its last N values before tanh: a common scale")]
    public int NormalisationWindow { get; set; } = 100;

    [RequiredKey]
    public QuotingConfig Quoting { get; set; } = new();

    public VolatilityConfig Volatility { get; set; } = new();

    [Doc("fill probability per bar against the quote's distance from the mid: exponential (default) or linear")]
    public FillModelConfig Fills { get; set; } = new ExponentialFillConfig();

    public ExecutionConfig Execution { get; set; } = new();

    public RiskConfig Risk { get; set; } = new();

    [MinItems(1), Doc("horizons (bars) of the signal information coefficient against forward returns")]
    public List<int> IcHorizons { get; set; } = [1, 5, 15];

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        for (var i = 0; i < IcHorizons.Count; i++)
            if (IcHorizons[i] < 1) context.Error($"ic_horizons[{i}]", IcHorizons[i], "not allowed: must be >= 1 bar");
        if (Quoting.MinSize > Quoting.MaxSize) context.Error("quoting.min_size", Quoting.MinSize, $"not allowed: above quoting.max_size ({Quoting.MaxSize})");
        if (Quoting.BaseSize > Quoting.MaxSize) context.Error("quoting.base_size", Quoting.BaseSize, $"not allowed: above quoting.max_size ({Quoting.MaxSize})");
        if (Risk.PositionLimit is { } limit && Quoting.MinSize > limit)
            context.Error("risk.position_limit", limit, $"not allowed: below quoting.min_size ({Quoting.MinSize}): no quote could ever be sent");
        if (Volatility.SlowHalfLife < Volatility.FastHalfLife)
            context.Error("volatility.slow_half_life", Volatility.SlowHalfLife, $"not allowed: below volatility.fast_half_life ({Volatility.FastHalfLife})");
    }
}

/// <summary>How each signal's track record scales its weight.</summary>
public sealed class ConfidenceConfig
{
    [Doc("none, hit_rate (max(0, 2·hit rate − 1)) or information_coefficient (max(0, rolling IC))")]
    public Strategies.Alpha.ConfidenceMode Mode { get; set; } = Strategies.Alpha.ConfidenceMode.HitRate;

    [Range(2, 100_000), Doc("bars in the rolling track record")]
    public int Window { get; set; } = 100;

    [Range(1, 10_000), Doc("a score is judged against the return over the next N bars")]
    public int Horizon { get; set; } = 1;

    [Range(2, 100_000), Doc("outcomes needed before the track record counts; until then the prior")]
    public int Minimum { get; set; } = 20;

    [Range(0, 1), Doc("confidence before the track record counts")]
    public double Prior { get; set; } = 0.5;
}

/// <summary>The quote generator's parameters (prices in price units, sizes in lots).</summary>
public sealed class QuotingConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity), Doc("base half-spread around the reservation price")]
    public double HalfSpread { get; set; }

    [Range(0, double.PositiveInfinity), Doc("quote shift per lot of inventory (× volatility per bar when risk_weighted)")]
    public double InventorySkew { get; set; }

    [Doc("penalty = inventory × volatility: the skew per lot is inventory_skew × σ per bar")]
    public bool RiskWeighted { get; set; }

    [Range(0, double.PositiveInfinity), Doc("quote shift at full signal strength (strength is in [−1, 1], confidence applied)")]
    public double AlphaSkew { get; set; }

    [Range(1, double.PositiveInfinity), Doc("current / reference volatility at or above which the spread widens")]
    public double? HighVolatilityRatio { get; set; }

    [Range(1, double.PositiveInfinity), Doc("half-spread multiplier in a high-volatility regime")]
    public double HighVolatilityWidening { get; set; } = 2;

    [Range(1, 1_000_000), Doc("lots per side at zero strength")]
    public long BaseSize { get; set; } = 1;

    [Range(0, 100), Doc("the favoured side grows by base_size × size_scale × |strength| lots, the other shrinks as much")]
    public double SizeScale { get; set; }

    [Range(0, 1_000_000), Doc("smallest size quoted (0 lets the disfavoured side vanish)")]
    public long MinSize { get; set; } = 1;

    [Range(1, 1_000_000), Doc("largest size quoted")]
    public long MaxSize { get; set; } = 1_000_000;
}

public sealed class VolatilityConfig
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("half-life of the current volatility estimate, bars")]
    public double FastHalfLife { get; set; } = 10;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("half-life of the reference volatility, bars")]
    public double SlowHalfLife { get; set; } = 100;
}

/// <summary>Fill probability per bar of a quote at distance δ from the mid; <c>kind:</c> exponential or linear.</summary>
public abstract class FillModelConfig
{
    public abstract Simulation.Alpha.IFillModel ToModel();
}

[Kind("exponential"), Doc("p(δ) = min(1, at_mid·exp(−decay·δ))")]
public sealed class ExponentialFillConfig : FillModelConfig
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("probability scale at the mid (capped at 1)")]
    public double AtMid { get; set; } = 0.8;

    [Range(0, double.PositiveInfinity), Doc("decay per price unit of distance")]
    public double Decay { get; set; } = 10;

    public override Simulation.Alpha.IFillModel ToModel() => new Simulation.Alpha.ExponentialFillModel(AtMid, Decay);
}

[Kind("linear"), Doc("p(δ) = at_mid·max(0, 1 − δ/reach)")]
public sealed class LinearFillConfig : FillModelConfig
{
    [Range(0, 1, MinExclusive = true), Doc("probability at the mid")]
    public double AtMid { get; set; } = 0.8;

    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("distance (price units) beyond which nothing fills")]
    public double Reach { get; set; }

    public override Simulation.Alpha.IFillModel ToModel() => new Simulation.Alpha.LinearFillModel(AtMid, Reach);
}

public sealed class ExecutionConfig
{
    [Range(0, 86_400_000), Doc("a quote rests this long after it is decided; until then the previous one is live (stale)")]
    public double LatencyMs { get; set; }

    [Doc("a hit fills a uniform 1..size lots instead of the whole size")]
    public bool PartialFills { get; set; }

    [Range(0, double.PositiveInfinity), Doc("market orders (flattening) pay this beyond the half-spread, price units")]
    public double Slippage { get; set; }

    [Range(0, 10_000), Doc("and this many basis points of the mid")]
    public double SlippageBps { get; set; }

    [Range(0, double.PositiveInfinity), Doc("half-spread a market order crosses when the data has no top of book, price units")]
    public double TakerHalfSpread { get; set; } = 0.01;
}

/// <summary>Risk controls; each is off unless set. Thresholds act when reached.</summary>
public sealed class RiskConfig
{
    [Range(1, long.MaxValue), Doc("|inventory| may reach but not pass this many lots: a side that would pass it is not quoted")]
    public long? PositionLimit { get; set; }

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("flatten and stop for good when PnL ≤ −stop_loss")]
    public double? StopLoss { get; set; }

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("pause quoting when PnL is this far below its peak")]
    public double? MaxDrawdown { get; set; }

    [Range(1, 1_000_000), Doc("bars a drawdown pause lasts")]
    public int PauseBars { get; set; } = 30;

    [Range(1, long.MaxValue), Doc("from this |inventory| on, only the reducing side is quoted")]
    public long? InventoryPause { get; set; }

    [Doc("no quotes on the last bar of each day, and flatten it with a market order")]
    public bool FlattenAtClose { get; set; } = true;

    [Range(1, double.PositiveInfinity), Doc("circuit breaker: halt when current / reference volatility reaches this")]
    public double? VolatilityHalt { get; set; }

    [Range(1, 1_000_000), Doc("bars a halt lasts")]
    public int HaltBars { get; set; } = 10;

    public Simulation.Alpha.RiskSettings ToSettings() => new(
        PositionLimit ?? long.MaxValue, StopLoss ?? double.PositiveInfinity, MaxDrawdown ?? double.PositiveInfinity, PauseBars,
        InventoryPause ?? long.MaxValue, FlattenAtClose, VolatilityHalt ?? double.PositiveInfinity, HaltBars);
}
