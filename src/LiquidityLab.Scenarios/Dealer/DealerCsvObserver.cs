using System.Globalization;
using CsvHelper;
using LiquidityLab.Core.Domain;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Simulation.Dealer;

namespace LiquidityLab.Scenarios.Dealer;

/// <summary>
/// Streams a dealer run to timeseries.csv and trades.csv as it happens (memory stays flat however
/// long the run), and keeps a thinned copy of the time series for the report's charts.
/// </summary>
internal sealed class DealerCsvObserver : IDealerRunObserver, IDisposable
{
    private readonly CsvWriter _timeseries;
    private readonly CsvWriter? _trades;
    private readonly long _reportEvery;
    private readonly long _lastStep;

    public DealerCsvObserver(string timeseriesPath, string? tradesPath, long reportEvery, long lastStep)
    {
        _timeseries = Open(timeseriesPath);
        _timeseries.WriteHeader(["step", "time", "mid", "maker", "bid", "ask", "inventory", "cash", "pnl_total", "pnl_realized",
            "pnl_unrealized", "pnl_spread_capture", "pnl_inventory", "hedge_cost", "hedged_lots", "fills", "rejections"]);
        if (tradesPath != null)
        {
            _trades = Open(tradesPath);
            _trades.WriteHeader(["step", "time", "client_id", "kind", "maker", "maker_side", "lots", "price", "mid", "inventory_after", "reason"]);
        }
        _reportEvery = reportEvery;
        _lastStep = lastStep;
    }

    /// <summary>Every recorded row whose step is a multiple of the report interval (and the last).</summary>
    public List<DealerStepRecord> ReportRows { get; } = [];

    public void OnTrade(in DealerTradeRecord t)
    {
        if (_trades is not { } w) return;
        w.WriteField(t.Step, default, Inv);
        w.WriteField(t.Time, "R", Inv);
        w.WriteField(t.ClientId, default, Inv);
        w.WriteField(KindName(t.Kind));
        w.WriteField(t.Maker ?? "");
        w.WriteField(t.MakerSide.ToWire());
        w.WriteField(t.Lots, default, Inv);
        if (t.Kind == DealerEventKind.Unserved) w.WriteField("");
        else w.WriteField(t.Price, default, Inv);
        w.WriteField(t.Mid, default, Inv);
        w.WriteField(t.InventoryAfter, default, Inv);
        w.WriteField(t.Reason ?? "");
        w.EndRecord();
    }

    public void OnStep(in DealerStepRecord r)
    {
        var w = _timeseries;
        w.WriteField(r.Step, default, Inv);
        w.WriteField(r.Time, "R", Inv);
        w.WriteField(r.Mid, default, Inv);
        w.WriteField(r.Maker);
        w.WriteField(r.Bid, default, Inv);
        w.WriteField(r.Ask, default, Inv);
        w.WriteField(r.Inventory, default, Inv);
        w.WriteField(r.Cash, default, Inv);
        w.WriteField(r.TotalPnl, default, Inv);
        w.WriteField(r.RealizedPnl, default, Inv);
        w.WriteField(r.UnrealizedPnl, default, Inv);
        w.WriteField(r.SpreadCapture, default, Inv);
        w.WriteField(r.InventoryPnl, default, Inv);
        w.WriteField(r.HedgeCost, default, Inv);
        w.WriteField(r.HedgedLots, default, Inv);
        w.WriteField(r.Fills, default, Inv);
        w.WriteField(r.Rejections, default, Inv);
        w.EndRecord();
        if (r.Step % _reportEvery == 0 || r.Step == _lastStep) ReportRows.Add(r);
    }

    public void Dispose()
    {
        _timeseries.Dispose();
        _trades?.Dispose();
    }

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string KindName(DealerEventKind kind) => kind switch
    {
        DealerEventKind.Fill => "fill",
        DealerEventKind.Rejected => "rejected",
        DealerEventKind.Unserved => "unserved",
        _ => "hedge",
    };

    private static CsvWriter Open(string path) => CsvFiles.Open(path);
}
