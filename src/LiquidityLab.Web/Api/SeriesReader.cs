using System.Globalization;
using CsvHelper;

namespace LiquidityLab.Web.Api;

/// <summary>One line to overlay in the compare page: a PnL or inventory path of one maker (or market / strategy) of a run.</summary>
public sealed record RunSeries(string Name, IReadOnlyList<double> Time, IReadOnlyList<double?> Pnl, IReadOnlyList<double?> Inventory);

/// <summary>
/// Reads the PnL and inventory paths out of a run's <c>timeseries.csv</c>, whatever its kind, by column
/// name: time from <c>time</c> (or <c>time_s</c>), PnL from the first of <c>pnl_total</c>, <c>pnl_mean</c>,
/// <c>pnl</c>, inventory from <c>inventory</c> or <c>inventory_mean</c>; one line per value of the
/// identifying columns present (<c>maker</c>, <c>market</c>, <c>strategy</c>, <c>agent</c>). Each line
/// is thinned to at most <see cref="MaxPoints"/> points (every k-th row, the last kept).
/// </summary>
public static class SeriesReader
{
    public const int MaxPoints = 2000;
    private static readonly string[] TimeColumns = ["time", "time_s"];
    private static readonly string[] PnlColumns = ["pnl_total", "pnl_mean", "pnl"];
    private static readonly string[] InventoryColumns = ["inventory", "inventory_mean"];
    private static readonly string[] KeyColumns = ["maker", "market", "strategy", "agent"];

    public static IReadOnlyList<RunSeries> Read(string csvPath)
    {
        using var csv = CsvReader.FromFile(csvPath, null);
        var header = csv.Headers.ToArray();
        int Find(string[] names) => names.Select(n => Array.IndexOf(header, n)).FirstOrDefault(i => i >= 0, -1);
        var time = Find(TimeColumns);
        var pnl = Find(PnlColumns);
        var inventory = Find(InventoryColumns);
        if (time < 0 || (pnl < 0 && inventory < 0)) return [];
        var keys = KeyColumns.Select(k => Array.IndexOf(header, k)).Where(i => i >= 0).ToArray();

        var lines = new Dictionary<string, (List<double> T, List<double?> P, List<double?> I)>(StringComparer.Ordinal);
        var order = new List<string>();
        while (csv.Read())
        {
            var name = keys.Length == 0 ? "run" : string.Join(" / ", keys.Select(k => csv.GetString(k)));
            if (!lines.TryGetValue(name, out var line))
            {
                line = ([], [], []);
                lines[name] = line;
                order.Add(name);
            }
            if (!TryNumber(csv.GetString(time), out var t)) continue;
            line.T.Add(t);
            line.P.Add(pnl >= 0 && TryNumber(csv.GetString(pnl), out var p) ? p : null);
            line.I.Add(inventory >= 0 && TryNumber(csv.GetString(inventory), out var v) ? v : null);
        }
        return order.Select(n =>
        {
            var (t, p, i) = lines[n];
            var every = Math.Max(1, (t.Count + MaxPoints - 1) / MaxPoints);
            var keep = Enumerable.Range(0, t.Count).Where(k => k % every == 0 || k == t.Count - 1).ToArray();
            return new RunSeries(n, keep.Select(k => t[k]).ToArray(), keep.Select(k => p[k]).ToArray(), keep.Select(k => i[k]).ToArray());
        }).ToArray();
    }

    private static bool TryNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
