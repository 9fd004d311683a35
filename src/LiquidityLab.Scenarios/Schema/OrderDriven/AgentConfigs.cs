namespace LiquidityLab.Scenarios.Schema.OrderDriven;

/// <summary>
/// One kind of agent; <c>kind:</c> noise, value, momentum, informed, liquidity_shock, flow_skew_maker,
/// inventory_skew_maker, avellaneda_stoikov_maker or adaptive_pov_maker.
/// </summary>
public abstract class AgentConfig
{
    [RequiredKey, Doc("unique name; a group of N agents is named NAME-0 … NAME-(N−1)")]
    public string Name { get; set; } = "";

    [Doc("this agent's network; null = the scenario's latency")]
    public LatencyConfig? Latency { get; set; }

    /// <summary>How many agents this entry makes.</summary>
    public virtual int Count => 1;
}

/// <summary>A group of traders that wake on a Poisson clock (or once) during the session.</summary>
public abstract class TraderConfig : AgentConfig, IValidatable
{
    [Range(1, 10_000_000), Doc("number of independent agents of this kind")]
    public int Agents { get; set; } = 1;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("mean seconds between one agent's arrivals (Poisson)")]
    public double MeanIntervalS { get; set; } = 60;

    [Doc("each agent wakes exactly once, at a uniform time in its window (ABIDES's noise agents); mean_interval_s is then unused")]
    public bool Once { get; set; }

    [Range(0, 1e7), Doc("start of its window, seconds of the day; null = the open")]
    public double? FromS { get; set; }

    [Range(0, 1e7), Doc("end of its window; null = the close")]
    public double? UntilS { get; set; }

    [RequiredKey, Doc("order sizes in lots")]
    public SizeConfig? Size { get; set; }

    public override int Count => Agents;

    public virtual void Validate(ValidationContext context)
    {
        if (FromS is { } f && UntilS is { } u && u <= f) context.Error("until_s", u, $"not allowed: must be after from_s ({f})");
    }
}

[Kind("noise"), Doc("Poisson market and limit orders around the touch; cancels stale orders")]
public sealed class NoiseConfig : TraderConfig
{
    [Range(0, 1), Doc("probability that an arrival is a market order")]
    public double MarketFraction { get; set; } = 0.2;

    [Range(0, 10_000), Doc("a limit order may be placed up to this many ticks behind its side's touch")]
    public int BehindTicks { get; set; } = 5;

    [Range(0, 10_000), Doc("… or up to this many ticks inside it (never crossing the other side)")]
    public int ImproveTicks { get; set; } = 1;

    [Range(0, double.PositiveInfinity), Doc("orders older than this are cancelled at the agent's next arrival, seconds; 0 = never")]
    public double MaxAgeS { get; set; } = 300;
}

[Kind("value"), Doc("trades towards a noisy, Kalman-filtered estimate of the latent value projected to the close")]
public sealed class ValueConfig : TraderConfig
{
    [Range(0, double.PositiveInfinity), Doc("standard deviation of its observation noise, currency")]
    public double ObservationSd { get; set; } = 0.1;

    [Range(0, double.PositiveInfinity), Doc("the mean reversion per second it believes in (its projection to the close)")]
    public double Kappa { get; set; }

    [Range(0, 1), Doc("probability of a marketable order at the opposite touch")]
    public double Aggression { get; set; } = 0.1;

    [Range(0, 10_000), Doc("otherwise a limit order up to this many ticks inside its own touch")]
    public int DepthTicks { get; set; } = 2;
}

[Kind("momentum"), Doc("buys when the short moving average of the mid it polls is above the long one, sells when below")]
public sealed class MomentumConfig : TraderConfig, IValidatable
{
    [Range(1, 100_000)] public int ShortWindow { get; set; } = 20;
    [Range(2, 100_000)] public int LongWindow { get; set; } = 50;

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        if (LongWindow <= ShortWindow) context.Error("long_window", LongWindow, $"not allowed: must be > short_window ({ShortWindow})");
    }
}

[Kind("informed"), Doc("sees the latent value ahead and sends market orders when it is beyond the touch")]
public sealed class InformedConfig : TraderConfig
{
    [Range(0, 1e6), Doc("how far ahead it sees, seconds")]
    public double LeadS { get; set; } = 30;

    [Range(0, 1e6), Doc("it trades when the future value is this many ticks beyond the touch")]
    public double ThresholdTicks { get; set; } = 2;
}

[Kind("liquidity_shock"), Doc("bursts of market orders at a fixed interval, optionally against a maker's inventory")]
public sealed class LiquidityShockConfig : AgentConfig, IValidatable
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("seconds between bursts")]
    public double IntervalS { get; set; } = 5;

    [Range(1, 100_000)] public int OrdersMin { get; set; } = 3;
    [Range(1, 100_000)] public int OrdersMax { get; set; } = 7;

    [RequiredKey, Doc("size of each market order, lots")]
    public SizeConfig? Size { get; set; }

    [Range(0, double.PositiveInfinity), Doc("seconds between the orders of a burst")]
    public double SpacingS { get; set; } = 0.01;

    [Doc("name of the maker whose inventory it leans against; empty = random direction")]
    public string AgainstMaker { get; set; } = "";

    [Range(0, long.MaxValue), Doc("it leans once |that maker's position| exceeds this, lots")]
    public long Threshold { get; set; } = 10;

    public void Validate(ValidationContext context)
    {
        if (OrdersMax < OrdersMin) context.Error("orders_max", OrdersMax, $"not allowed: must be >= orders_min ({OrdersMin})");
    }
}

/// <summary>A market maker: one agent with a hard inventory limit that counts orders in flight.</summary>
public abstract class MakerAgentConfig : AgentConfig
{
    [RequiredKey, Range(1, long.MaxValue), Doc("hard limit on |position|, lots, counting every order it has out")]
    public long InventoryLimit { get; set; }

    [Range(1, long.MaxValue), Doc("lots per quote")]
    public long OrderSize { get; set; } = 1;

    [Range(0, 1e7), Doc("requote on a timer every this many seconds; 0 = only on market data")]
    public double RequoteEveryS { get; set; } = 1;

    [Range(0, 1e7), Doc("on market data, requote at most once per this many seconds")]
    public double MinRequoteS { get; set; } = 0.1;
}

[Kind("flow_skew_maker"), Doc("fixed spread around the mid shifted by the net count of aggressive buy minus sell orders in a window")]
public sealed class FlowSkewMakerConfig : MakerAgentConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("full spread, ticks")]
    public double SpreadTicks { get; set; }

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("centre shift per order of net flow, ticks (> 0 leans with the flow)")]
    public double SkewTicksPerOrder { get; set; } = 0.5;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("flow window, seconds")]
    public double WindowS { get; set; } = 30;
}

[Kind("inventory_skew_maker"), Doc("fixed spread around mid − skew × position (the strategies library's inventory skew)")]
public sealed class InventorySkewMakerConfig : MakerAgentConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("full spread, ticks")]
    public double SpreadTicks { get; set; }

    [Range(0, double.PositiveInfinity), Doc("centre shift per lot of position, ticks")]
    public double SkewTicksPerLot { get; set; } = 0.2;
}

[Kind("avellaneda_stoikov_maker"), Doc("Avellaneda–Stoikov quotes with σ and k estimated from the live book")]
public sealed class AvellanedaStoikovMakerConfig : MakerAgentConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("γ: risk aversion, per (tick × lot)")]
    public double Gamma { get; set; }

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("T − t is at most this many seconds (a rolling horizon)")]
    public double HorizonS { get; set; } = 300;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("half-life of the σ estimate, seconds")]
    public double HalfLifeS { get; set; } = 60;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("σ before any estimate, ticks per √second")]
    public double InitialSigmaTicks { get; set; } = 0.5;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("k before any estimate, per tick")]
    public double InitialK { get; set; } = 0.5;
}

[Kind("adaptive_pov_maker"), Doc("ABIDES-style adaptive POV maker: ladder of levels sized at pov × recent volume, EWMA spread")]
public sealed class AdaptivePovMakerConfig : MakerAgentConfig
{
    [Range(0, 1), Doc("fraction of the volume traded since its last wake quoted per level")]
    public double Pov { get; set; } = 0.025;

    [Range(1, 1000)] public int Levels { get; set; } = 10;

    [Range(1, 1_000_000), Doc("ticks between levels")]
    public long LevelSpacingTicks { get; set; } = 5;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("mean seconds between wakes (Poisson)")]
    public double MeanWakeS { get; set; } = 60;

    [Range(0, 1), Doc("weight of the newest spread in its spread estimate")]
    public double SpreadAlpha { get; set; } = 0.75;

    [Range(0, double.PositiveInfinity), Doc("centre shift per lot of position, ticks")]
    public double SkewBeta { get; set; }

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("centre shift per unit of L1 imbalance (bid − ask)/(bid + ask), ticks")]
    public double PriceSkew { get; set; } = 4;
}
