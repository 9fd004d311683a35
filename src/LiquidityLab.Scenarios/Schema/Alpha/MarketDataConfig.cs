namespace LiquidityLab.Scenarios.Schema.Alpha;

/// <summary>Where the bars come from; <c>kind:</c> synthetic, csv or lobster.</summary>
public abstract class MarketDataConfig;

[Kind("synthetic"), Doc("a simulated mid sampled in bars; the time unit of the process is one trading day")]
public sealed class SyntheticDataConfig : MarketDataConfig, IValidatable
{
    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("mid at the start")]
    public double Initial { get; set; } = 100;

    [RequiredKey, Doc("abm, gbm, ou or regime; volatility per √(trading day)")]
    public ProcessConfig? Process { get; set; }

    [Range(1, 1_000_000), Doc("bars per trading day (390 one-minute bars for a 6.5-hour session)")]
    public int BarsPerDay { get; set; } = 390;

    [Range(1, 10_000), Doc("trading days")]
    public int Days { get; set; } = 1;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("session length in seconds, for the bar timestamps")]
    public double SessionSeconds { get; set; } = 23_400;

    public void Validate(ValidationContext context)
    {
        if ((long)BarsPerDay * Days > 10_000_000) context.Error("days", Days, "not allowed: bars_per_day × days above 10,000,000");
    }
}

[Kind("csv"), Doc("a CSV of bars or mids with a header row: time, mid or close, optional bid, ask, bid_size, ask_size, volume")]
public sealed class CsvDataConfig : MarketDataConfig
{
    [RequiredKey, Doc("the CSV file (relative paths from the working directory)")]
    public string Path { get; set; } = "";

    [Range(1, 1_000_000), Doc("bars per trading day, for annualisation; timestamps on a new date start a new day")]
    public int BarsPerDay { get; set; } = 390;
}

[Kind("lobster"), Doc("LOBSTER level-1 message and orderbook files sampled into bars (last quote of each bar)")]
public sealed class LobsterDataConfig : MarketDataConfig
{
    [RequiredKey, Doc("the message file (relative paths from the working directory)")]
    public string Message { get; set; } = "";

    [RequiredKey, Doc("the orderbook file with the same rows")]
    public string Orderbook { get; set; } = "";

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("bar length in seconds")]
    public double BarSeconds { get; set; } = 60;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("file prices per price unit (LOBSTER: USD × 10,000)")]
    public double PriceScale { get; set; } = 10_000;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("trading seconds per day, for annualisation (bars per day = this / bar_seconds)")]
    public double SessionSeconds { get; set; } = 23_400;
}
