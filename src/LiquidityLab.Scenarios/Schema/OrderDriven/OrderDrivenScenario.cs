using LiquidityLab.OrderDriven.Network;

namespace LiquidityLab.Scenarios.Schema.OrderDriven;

/// <summary>
/// The order-driven market: agents send orders through a network with latency to an exchange running
/// the matching engine. Prices of the market section are in currency, spreads and offsets of agents in
/// ticks, quantities in lots, times in seconds of the day (09:30 = 34200).
/// </summary>
[Kind("order_driven")]
public sealed class OrderDrivenScenario : Scenario
{
    [RequiredKey]
    public SessionConfig Session { get; set; } = new();

    public VenueConfig Venue { get; set; } = new();

    [RequiredKey]
    public LatentMarketConfig Market { get; set; } = new();

    [Doc("every agent's network unless it sets its own")]
    public LatencyConfig Latency { get; set; } = new();

    [RequiredKey, MinItems(1), Doc("the traders and makers; a trader with count N is N independent agents")]
    public List<AgentConfig> Agents { get; set; } = [];

    public RecordingConfig Recording { get; set; } = new();

    public IEnumerable<MakerAgentConfig> Makers => Agents.OfType<MakerAgentConfig>();

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        var duplicate = Agents.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) context.Error("agents", duplicate.Key, "not allowed: agent names must be unique");
        var makers = Makers.Select(m => m.Name).ToArray();
        if (makers.Length > 64) context.Error("agents", makers.Length, "not allowed: at most 64 makers");
        for (var i = 0; i < Agents.Count; i++)
            if (Agents[i] is LiquidityShockConfig { AgainstMaker.Length: > 0 } s && !makers.Contains(s.AgainstMaker))
                context.Error($"agents[{i}].against_maker", s.AgainstMaker, $"not allowed: one of the makers ({string.Join(", ", makers)}) or empty");
        if (Agents.Sum(a => (long)a.Count) > 2_000_000) context.Error("agents", Agents.Sum(a => (long)a.Count), "not allowed: at most 2,000,000 agents");
        var range = Venue.MaxPrice - Venue.MinPrice;
        if (range <= 0) context.Error("venue.max_price", Venue.MaxPrice, $"not allowed: must be above venue.min_price ({Venue.MinPrice})");
        else if (range / Venue.TickSize > 16_000_000) context.Error("venue.max_price", Venue.MaxPrice, "not allowed: more than 16,000,000 ticks between min_price and max_price");
        for (var i = 0; i < Recording.MarkoutHorizonsS.Count; i++)
            if (!(Recording.MarkoutHorizonsS[i] > 0) || !double.IsFinite(Recording.MarkoutHorizonsS[i]))
                context.Error($"recording.markout_horizons_s[{i}]", Recording.MarkoutHorizonsS[i], "not allowed: must be a number of seconds > 0");
        if (Market.Initial <= (double)Venue.MinPrice || Market.Initial >= (double)Venue.MaxPrice)
            context.Error("market.initial", Market.Initial, $"not allowed: must lie inside the venue's band ({Venue.MinPrice}, {Venue.MaxPrice})");
    }
}

public sealed class SessionConfig : IValidatable
{
    [RequiredKey, Range(0, 1e7), Doc("seconds of the day when trading starts (09:30 = 34200)")]
    public double OpenS { get; set; }

    [RequiredKey, Range(0, 1e7), Doc("seconds of the day when it ends")]
    public double CloseS { get; set; }

    public void Validate(ValidationContext context)
    {
        if (CloseS <= OpenS) context.Error("close_s", CloseS, $"not allowed: must be after open_s ({OpenS})");
    }
}

public sealed class VenueConfig : IValidatable
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("currency per tick")]
    public decimal TickSize { get; set; } = 0.01m;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("lowest price the book accepts, currency")]
    public decimal MinPrice { get; set; } = 0.01m;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("highest price the book accepts, currency")]
    public decimal MaxPrice { get; set; } = 10_000m;

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("fee per lot charged to the resting side, currency; negative = rebate")]
    public decimal MakerFee { get; set; }

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("fee per lot charged to the aggressor, currency")]
    public decimal TakerFee { get; set; }

    public void Validate(ValidationContext context)
    {
        if (MinPrice % TickSize != 0) context.Error("min_price", MinPrice, $"not allowed: must be a multiple of tick_size ({TickSize})");
        if (MaxPrice % TickSize != 0) context.Error("max_price", MaxPrice, $"not allowed: must be a multiple of tick_size ({TickSize})");
    }
}

/// <summary>Which process the latent value follows.</summary>
public enum MarketRegime
{
    /// <summary>Ornstein–Uhlenbeck around the initial value.</summary>
    MeanReverting,
    /// <summary>A random walk with drift.</summary>
    Trending,
    /// <summary>The process given under <c>process</c> (any mid process, regime switches included).</summary>
    Custom,
}

/// <summary>The latent value (what value and informed traders trade on), in currency and seconds.</summary>
public sealed class LatentMarketConfig : IValidatable
{
    [Doc("mean_reverting (OU around initial), trending (drift), or custom (process)")]
    public MarketRegime Regime { get; set; } = MarketRegime.MeanReverting;

    [RequiredKey, Range(0, double.PositiveInfinity, MinExclusive = true), Doc("value at the open, currency; also the opening reference price")]
    public double Initial { get; set; } = 100;

    [Range(0, double.PositiveInfinity), Doc("currency per √second")]
    public double Volatility { get; set; } = 0.01;

    [Range(0, double.PositiveInfinity), Doc("OU speed per second (mean_reverting); half-life ln 2 / speed")]
    public double MeanReversion { get; set; } = 0.001;

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("currency per second (trending)")]
    public double Drift { get; set; } = 0.0005;

    [Doc("the value's process when regime is custom (abm, ou, regime; gbm in relative terms), in currency and seconds")]
    public ProcessConfig? Process { get; set; }

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("grid of the latent path, seconds")]
    public double DtS { get; set; } = 1;

    [Doc("occasional jumps of the value (megashocks); null = none")]
    public ValueShockConfig? Shocks { get; set; }

    public void Validate(ValidationContext context)
    {
        if (Regime == MarketRegime.Custom && Process is null) context.Error("process", null, "required when regime is custom");
    }
}

public sealed class ValueShockConfig
{
    [RequiredKey, Range(0, double.PositiveInfinity), Doc("jumps per hour")]
    public double RatePerHour { get; set; }

    [Range(0, double.PositiveInfinity), Doc("mean absolute jump, currency (the sign is random)")]
    public double Mean { get; set; }

    [Range(0, double.PositiveInfinity), Doc("standard deviation of a jump, currency")]
    public double StdDev { get; set; }
}

public sealed class LatencyConfig
{
    [Doc("agent → exchange")]
    public DelayConfig OrderEntry { get; set; } = new();

    [Doc("exchange → agent: market data and execution reports")]
    public DelayConfig MarketData { get; set; } = new();

    public LatencyModel ToModel() => new(OrderEntry.ToDelay(), MarketData.ToDelay());

    /// <summary>One agent's model: its fixed parts drawn from <paramref name="rng"/> when a spread is set (else shared).</summary>
    public LatencyModel ToModel(LiquidityLab.Core.Randomness.RandomStream rng, LatencyModel shared) =>
        OrderEntry.AgentSpreadUs > 0 || MarketData.AgentSpreadUs > 0 ? new(OrderEntry.ToDelay(rng.NextDouble()), MarketData.ToDelay(rng.NextDouble())) : shared;
}

public enum JitterDistribution
{
    None,
    Uniform,
    Exponential,
    LogNormal,
}

/// <summary>A one-way delay: fixed microseconds plus a jitter.</summary>
public sealed class DelayConfig
{
    [Range(0, 1e9), Doc("fixed part, microseconds")]
    public double FixedUs { get; set; }

    [Doc("none, uniform (on [0, jitter_us]), exponential (mean jitter_us) or log_normal (median jitter_us, sigma)")]
    public JitterDistribution Jitter { get; set; } = JitterDistribution.None;

    [Range(0, 1e9), Doc("scale of the jitter, microseconds")]
    public double JitterUs { get; set; }

    [Range(0, 10), Doc("log-volatility of a log_normal jitter")]
    public double Sigma { get; set; } = 0.5;

    [Range(0, 1e9), Doc("each agent's fixed part is drawn once, uniformly in [fixed_us, fixed_us + agent_spread_us] (agents far from and near the exchange)")]
    public double AgentSpreadUs { get; set; }

    /// <param name="draw">uniform on [0, 1), drawn once per agent for <see cref="AgentSpreadUs"/></param>
    public Delay ToDelay(double draw = 0) => new((long)Math.Round((FixedUs + draw * AgentSpreadUs) * 1000), Jitter switch
    {
        JitterDistribution.Uniform => JitterKind.Uniform,
        JitterDistribution.Exponential => JitterKind.Exponential,
        JitterDistribution.LogNormal => JitterKind.LogNormal,
        _ => JitterKind.None,
    }, JitterUs * 1000, Sigma);
}

public sealed class RecordingConfig
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("seconds between samples of the book and the makers (market.csv, book_depth.csv, MMk_metrics.csv)")]
    public double SampleEveryS { get; set; } = 1;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("width of a book_heatmap.csv time bin, seconds (rounded up to whole samples)")]
    public double HeatmapBinS { get; set; } = 60;

    [Range(1, 1000), Doc("levels per side in book_depth.csv and the depth columns")]
    public int DepthLevels { get; set; } = 5;

    [Range(1, 1000), Doc("levels per side of resting quantity in book_heatmap.csv")]
    public int HeatmapLevels { get; set; } = 20;

    [Doc("markout horizons after each maker fill, seconds")]
    public List<double> MarkoutHorizonsS { get; set; } = [1, 10, 60];

    [Range(0, double.PositiveInfinity), Doc("market impact: the later mid is read this many seconds after each aggressive order")]
    public double ImpactHorizonS { get; set; } = 10;
}
