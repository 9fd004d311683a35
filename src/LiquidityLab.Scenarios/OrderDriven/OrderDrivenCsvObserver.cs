using System.Globalization;
using CsvHelper;
using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Views;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>
/// Streams a run's records to the run folder's CSV files as they happen, and keeps what the report needs:
/// the sampled series (every sample, for the stylized facts; thinned copies for the charts), impact
/// statistics by size bin with a thinned scatter, and the traded-volume heatmap. Prices are written in
/// currency (ticks × tick size, exact), times in seconds of the day.
/// </summary>
internal sealed class OrderDrivenCsvObserver : IMarketObserver, IDisposable
{
    private readonly decimal _tick;
    private readonly FixedPoint _prices;
    private readonly string[] _agentNames;
    private readonly string[] _makerNames;
    private readonly LatentValue? _value;
    private readonly CsvWriter? _trades;
    private readonly CsvWriter _market;
    private readonly CsvWriter _depth;
    private readonly CsvWriter _heatmap;
    private readonly CsvWriter _impact;
    private readonly CsvWriter[] _makerImpact;
    private readonly CsvWriter[] _makerMetrics;
    private readonly long _heatmapBinNs;
    private readonly long _startNs;

    public OrderDrivenCsvObserver(RunFolder folder, MarketSetup setup, IReadOnlyList<string> agentNames, IReadOnlyList<string> makerNames, bool trades)
    {
        _tick = setup.TickSize;
        _prices = new FixedPoint(setup.TickSize);
        _agentNames = agentNames.ToArray();
        _makerNames = makerNames.ToArray();
        _value = setup.Value;
        _heatmapBinNs = setup.HeatmapBinNs;
        _startNs = setup.StartNs;
        if (trades)
        {
            _trades = CsvFiles.Open(folder.PathOf("trades.csv"));
            Header(_trades, "time_s", "price", "quantity", "aggressor_side", "aggressor", "resting");
        }
        _market = CsvFiles.Open(folder.PathOf("market.csv"));
        Header(_market, "time_s", "mid", "bid", "ask", "spread", "bid_size", "ask_size", "bid_depth", "ask_depth", "latent_value", "volume", "trades", "resting_orders");
        _depth = CsvFiles.Open(folder.PathOf("book_depth.csv"));
        Header(_depth, "time_s", "side", "price", "quantity");
        _heatmap = CsvFiles.Open(folder.PathOf("book_heatmap.csv"));
        Header(_heatmap, "time_s", "price", "resting_quantity", "traded_quantity");
        string[] impactHeader = ["time_s", "agent", "side", "size", "filled", "mid_before", "mid_after", "mid_horizon", "move_immediate", "move_horizon"];
        _impact = CsvFiles.Open(folder.PathOf("market_impact.csv"));
        Header(_impact, impactHeader);
        _makerImpact = new CsvWriter[_makerNames.Length];
        _makerMetrics = new CsvWriter[_makerNames.Length];
        for (var i = 0; i < _makerNames.Length; i++)
        {
            _makerImpact[i] = CsvFiles.Open(folder.PathOf(MakerFile(i, "market_impact")));
            Header(_makerImpact[i], impactHeader);
            _makerMetrics[i] = CsvFiles.Open(folder.PathOf(MakerFile(i, "metrics")));
            Header(_makerMetrics[i], "time_s", "inventory", "seen_inventory", "open_buy", "open_sell", "cash", "total_pnl", "realized_pnl", "unrealized_pnl",
                "spread_capture", "inventory_pnl", "fees", "bid", "ask");
        }
        Makers = _makerNames.Select(_ => new MakerSeries()).ToArray();
    }

    /// <summary>MM1_metrics.csv, MM2_market_impact.csv, …: makers are numbered in file order, whatever their names.</summary>
    public static string MakerFile(int maker, string what) => $"MM{maker + 1}_{what}.csv";

    // ---- kept for the report ----
    public List<double> SampleTime { get; } = [];
    public List<double> SampleMid { get; } = [];
    public List<double> SampleSpread { get; } = [];
    public List<double> SampleValue { get; } = [];
    public List<double> SampleBidDepth { get; } = [];
    public List<double> SampleAskDepth { get; } = [];
    public MakerSeries[] Makers { get; }
    public ImpactStats Impact { get; } = new();
    /// <summary>Traded lots per (heatmap bin index, price), as written to book_heatmap.csv.</summary>
    public Dictionary<(long Bin, long Price), long> TradedHeat { get; } = new();

    /// <summary>The heatmap bins' width as the run used it (never below the sampling interval).</summary>
    public double HeatmapBinSeconds => _heatmapBinNs / 1e9;
    public List<long> TradeSizes { get; } = [];

    public sealed class MakerSeries
    {
        public List<double> Position { get; } = [];
        public List<double> Total { get; } = [];
        public List<double> SpreadCapture { get; } = [];
        public List<double> InventoryPnl { get; } = [];
        public List<double> Fees { get; } = [];
    }

    public void OnTrade(in TradePrint t)
    {
        if (TradeSizes.Count < 1_000_000) TradeSizes.Add(t.Quantity);
        if (_trades is not { } w) return;
        Time(w, t.Time);
        w.WriteField(Money(t.Price));
        w.WriteField(t.Quantity);
        w.WriteField(t.AggressorSide.ToWire());
        w.WriteField(_agentNames[t.Aggressor]);
        w.WriteField(_agentNames[t.Resting]);
        w.EndRecord();
    }

    public void OnImpact(in ImpactRecord r)
    {
        WriteImpact(_impact, r);
        for (var m = 0; m < _makerNames.Length && m < 64; m++)
            if ((r.MakersHit & (1UL << m)) != 0) WriteImpact(_makerImpact[m], r);
        Impact.Add(r, (double)_tick);
    }

    private void WriteImpact(CsvWriter w, in ImpactRecord r)
    {
        var sign = r.Side.Sign();
        Time(w, r.Time);
        w.WriteField(_agentNames[r.Agent]);
        w.WriteField(r.Side.ToWire());
        w.WriteField(r.Size);
        w.WriteField(r.Filled);
        Mid(w, r.MidBefore);
        Mid(w, r.MidAfter);
        Mid(w, r.MidAtHorizon);
        Mid(w, sign * (r.MidAfter - r.MidBefore));
        Mid(w, sign * (r.MidAtHorizon - r.MidBefore));
        w.EndRecord();
    }

    public void OnSample(in MarketSample s, ReadOnlySpan<LevelView> bids, ReadOnlySpan<LevelView> asks)
    {
        var w = _market;
        var value = _value?.At(s.Time) ?? double.NaN;
        Time(w, s.Time);
        Mid(w, s.Mid);
        w.WriteField(s.BidQuantity > 0 ? Money(s.Bid) : "");
        w.WriteField(s.AskQuantity > 0 ? Money(s.Ask) : "");
        w.WriteField(s.BidQuantity > 0 && s.AskQuantity > 0 ? Money(s.Ask - s.Bid) : "");
        w.WriteField(s.BidQuantity);
        w.WriteField(s.AskQuantity);
        w.WriteField(s.BidDepth);
        w.WriteField(s.AskDepth);
        Mid(w, value);
        w.WriteField(s.Volume);
        w.WriteField(s.Trades);
        w.WriteField(s.RestingOrders);
        w.EndRecord();
        foreach (var l in bids) DepthRow(s.Time, "bid", l);
        foreach (var l in asks) DepthRow(s.Time, "ask", l);
        SampleTime.Add(s.Time / 1e9);
        SampleMid.Add(s.Mid * (double)_tick);
        SampleSpread.Add(s.BidQuantity > 0 && s.AskQuantity > 0 ? (s.Ask - s.Bid) * (double)_tick : double.NaN);
        SampleValue.Add(value * (double)_tick);
        SampleBidDepth.Add(s.BidDepth);
        SampleAskDepth.Add(s.AskDepth);
    }

    private void DepthRow(long time, string side, in LevelView level)
    {
        Time(_depth, time);
        _depth.WriteField(side);
        _depth.WriteField(Money(level.Price));
        _depth.WriteField(level.Quantity);
        _depth.EndRecord();
    }

    public void OnMakerSample(in MakerSample s)
    {
        var w = _makerMetrics[s.Maker];
        Time(w, s.Time);
        w.WriteField(s.Position);
        w.WriteField(s.SeenPosition);
        w.WriteField(s.OpenBuy);
        w.WriteField(s.OpenSell);
        foreach (var v in new[] { s.Cash, s.Total, s.Realized, s.Unrealized, s.SpreadCapture, s.InventoryPnl, s.Fees })
            w.WriteField(decimal.Round(v, 6).ToString(CultureInfo.InvariantCulture));
        w.WriteField(s.QuoteBid != 0 ? Money(s.QuoteBid) : "");
        w.WriteField(s.QuoteAsk != 0 ? Money(s.QuoteAsk) : "");
        w.EndRecord();
        var m = Makers[s.Maker];
        m.Position.Add(s.Position);
        m.Total.Add((double)s.Total);
        m.SpreadCapture.Add((double)s.SpreadCapture);
        m.InventoryPnl.Add((double)s.InventoryPnl);
        m.Fees.Add((double)s.Fees);
    }

    public void OnHeatmapCell(long binStart, long price, long resting, long traded)
    {
        // the report's heatmap is book_heatmap.csv's traded column: the recorder's cells, not a second tally
        if (traded > 0) TradedHeat[((binStart - _startNs) / _heatmapBinNs, price)] = traded;
        Time(_heatmap, binStart);
        _heatmap.WriteField(Money(price));
        _heatmap.WriteField(resting);
        _heatmap.WriteField(traded);
        _heatmap.EndRecord();
    }

    private string Money(long ticks) => _prices.Format(ticks, 0);

    private void Mid(CsvWriter w, double ticks)
    {
        // mids are whole or half ticks (other values: the latent value), exact either way in decimal
        if (!double.IsFinite(ticks)) w.WriteField("");
        else if (ticks * 2 == Math.Floor(ticks * 2) && Math.Abs(ticks) < 1e15) w.WriteField(_prices.Format((long)Math.Floor(ticks), ticks - Math.Floor(ticks) == 0.5 ? 5 : 0));
        else w.WriteField(((decimal)ticks * _tick).ToString(CultureInfo.InvariantCulture));
    }

    private static void Time(CsvWriter w, long ns) => w.WriteField(FixedPoint.Seconds(ns));

    private static void Header(CsvWriter w, params string[] names)
    {
        foreach (var n in names) w.WriteField(n);
        w.EndRecord();
    }

    public void Dispose()
    {
        _trades?.Dispose();
        _market.Dispose();
        _depth.Dispose();
        _heatmap.Dispose();
        _impact.Dispose();
        foreach (var w in _makerImpact) w.Dispose();
        foreach (var w in _makerMetrics) w.Dispose();
    }
}

/// <summary>
/// The aggressive orders' (filled size, price move) pairs for the impact fit, moves in currency signed in the
/// order's direction: immediately after the order and after the horizon. At most <see cref="Capacity"/> are
/// kept, a systematic sample (every stride-th order, the stride doubling when full), so memory stays bounded.
/// </summary>
internal sealed class ImpactStats
{
    public const int Capacity = 200_000;
    private long _stride = 1;

    public long Orders { get; private set; }
    public List<ImpactObservation> Immediate { get; } = [];
    public List<ImpactObservation> AfterHorizon { get; } = [];
    public long Stride => _stride;

    /// <summary>The fitted curves, once the run is over (computed on first use, then shared by the summary and the report).</summary>
    public ImpactCurve ImmediateFit => _immediateFit ??= MarketImpact.Fit(Immediate);
    public ImpactCurve AfterHorizonFit => _afterFit ??= MarketImpact.Fit(AfterHorizon);
    private ImpactCurve? _immediateFit, _afterFit;

    public void Add(in ImpactRecord r, double tick)
    {
        if (double.IsNaN(r.MidBefore) || double.IsNaN(r.MidAfter) || r.Filled <= 0) return;
        if (Orders++ % _stride != 0) return;
        var sign = r.Side.Sign();
        Immediate.Add(new ImpactObservation(r.Filled, sign * (r.MidAfter - r.MidBefore) * tick));
        if (!double.IsNaN(r.MidAtHorizon)) AfterHorizon.Add(new ImpactObservation(r.Filled, sign * (r.MidAtHorizon - r.MidBefore) * tick));
        if (Immediate.Count < Capacity) return;
        // keep every other one: those the doubled stride would have kept (the horizon list thins alike)
        Thin(Immediate);
        Thin(AfterHorizon);
        _stride *= 2;
    }

    private static void Thin(List<ImpactObservation> list)
    {
        var n = 0;
        for (var i = 0; i < list.Count; i += 2) list[n++] = list[i];
        list.RemoveRange(n, list.Count - n);
    }
}

/// <summary>
/// Fast exact text for prices (ticks × tick size) and times (ns as seconds), the same text decimal
/// formatting gives (no trailing zeros beyond the tick's own decimals): the CSVs' hot path.
/// </summary>
internal sealed class FixedPoint
{
    private readonly decimal _tick;
    private readonly long _ticksPerUnit; // 0 when the tick is not 1/10^d
    private readonly int _decimals;

    public FixedPoint(decimal tick)
    {
        _tick = tick;
        var scale = (decimal.GetBits(tick)[3] >> 16) & 0xFF;
        var unit = 1m;
        for (var i = 0; i < scale; i++) unit *= 10;
        if (tick * unit == 1m && scale <= 15)
        {
            _ticksPerUnit = (long)unit;
            _decimals = scale;
        }
    }

    /// <summary>ticks × tick, plus <paramref name="halfDigit"/> (0 or 5) as one more decimal digit (a half tick).</summary>
    public string Format(long ticks, int halfDigit)
    {
        if (_ticksPerUnit == 0 || ticks < 0)
            return (halfDigit == 0 ? ticks * _tick : (ticks + 0.5m) * _tick).ToString(CultureInfo.InvariantCulture);
        var whole = ticks / _ticksPerUnit;
        var frac = ticks % _ticksPerUnit;
        if (_decimals == 0) return halfDigit == 0 ? whole.ToString(CultureInfo.InvariantCulture) : whole.ToString(CultureInfo.InvariantCulture) + ".5";
        Span<char> buf = stackalloc char[40];
        whole.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
        buf[n++] = '.';
        for (var d = _decimals - 1; d >= 0; d--)
        {
            buf[n + d] = (char)('0' + frac % 10);
            frac /= 10;
        }
        n += _decimals;
        if (halfDigit != 0) buf[n++] = (char)('0' + halfDigit);
        return new string(buf[..n]);
    }

    /// <summary>Nanoseconds as seconds: "34200", "34200.5", "0.000000001".</summary>
    public static string Seconds(long ns)
    {
        var whole = ns / 1_000_000_000;
        var frac = ns % 1_000_000_000;
        if (frac == 0 || ns < 0) return frac == 0 ? whole.ToString(CultureInfo.InvariantCulture) : (ns / 1_000_000_000m).ToString("0.#########", CultureInfo.InvariantCulture);
        Span<char> buf = stackalloc char[32];
        whole.TryFormat(buf, out var n, default, CultureInfo.InvariantCulture);
        buf[n++] = '.';
        var digits = 9;
        while (frac % 10 == 0) { frac /= 10; digits--; }
        for (var d = digits - 1; d >= 0; d--)
        {
            buf[n + d] = (char)('0' + frac % 10);
            frac /= 10;
        }
        return new string(buf[..(n + digits)]);
    }
}
