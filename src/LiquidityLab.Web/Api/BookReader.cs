using System.Globalization;
using CsvHelper;

namespace LiquidityLab.Web.Api;

/// <summary>The resting book at one sample time: price levels (price, lots), best first on each side.</summary>
public sealed record DepthSnapshot(double Time, IReadOnlyList<double[]> Bids, IReadOnlyList<double[]> Asks);

/// <summary>Price × time cells: <see cref="Cells"/> are [time index, price index, resting lots, traded lots].</summary>
public sealed record BookHeatmap(IReadOnlyList<double> Times, IReadOnlyList<double> Prices, IReadOnlyList<double[]> Cells, bool Truncated);

/// <summary>
/// Reads an order-driven run's book files (the contract with the order-driven market):
/// <c>book_depth.csv</c> with header <c>time_s,side,price,quantity</c> (side <c>bid</c> or <c>ask</c>, price
/// in currency units, quantity in lots) and <c>book_heatmap.csv</c> with header
/// <c>time_s,price,resting_quantity,traded_quantity</c>. A file with another header, a bad side or a
/// number that does not parse is refused with the line it is on.
/// </summary>
public static class BookReader
{
    public const int MaxSnapshots = 1000;
    public const int MaxCells = 300_000;
    private static readonly string[] DepthHeader = ["time_s", "side", "price", "quantity"];
    private static readonly string[] HeatmapHeader = ["time_s", "price", "resting_quantity", "traded_quantity"];

    public static IReadOnlyList<DepthSnapshot> ReadDepth(string path)
    {
        var snapshots = new List<(double Time, List<double[]> Bids, List<double[]> Asks)>();
        ForEachRow(path, DepthHeader, (csv, line) =>
        {
            var t = Number(csv, 0, path, line);
            var side = csv.GetString(1);
            var level = new[] { Number(csv, 2, path, line), Number(csv, 3, path, line) };
            if (snapshots.Count == 0 || snapshots[^1].Time != t) snapshots.Add((t, [], []));
            var s = snapshots[^1];
            if (side == "bid") s.Bids.Add(level);
            else if (side == "ask") s.Asks.Add(level);
            else throw ApiError.Unreadable($"{Path.GetFileName(path)} line {line}: side '{RunFiles.Trim(side ?? "")}': must be bid or ask");
        });
        var every = Math.Max(1, (snapshots.Count + MaxSnapshots - 1) / MaxSnapshots);
        return snapshots.Where((_, i) => i % every == 0 || i == snapshots.Count - 1)
            .Select(s => new DepthSnapshot(s.Time, s.Bids.OrderByDescending(l => l[0]).ToArray(), s.Asks.OrderBy(l => l[0]).ToArray()))
            .ToArray();
    }

    public static BookHeatmap ReadHeatmap(string path)
    {
        var rows = new List<double[]>();
        var truncated = false;
        ForEachRow(path, HeatmapHeader, (csv, line) =>
        {
            if (rows.Count >= MaxCells) { truncated = true; return; }
            rows.Add([Number(csv, 0, path, line), Number(csv, 1, path, line), Number(csv, 2, path, line), Number(csv, 3, path, line)]);
        });
        var times = rows.Select(r => r[0]).Distinct().Order().ToArray();
        var prices = rows.Select(r => r[1]).Distinct().Order().ToArray();
        var ti = times.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i);
        var pi = prices.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        return new BookHeatmap(times, prices, rows.Select(r => new double[] { ti[r[0]], pi[r[1]], r[2], r[3] }).ToArray(), truncated);
    }

    private static void ForEachRow(string path, string[] header, Action<CsvReader, int> row)
    {
        using var csv = CsvReader.FromFile(path, null);
        if (!csv.Headers.SequenceEqual(header))
            throw ApiError.Unreadable($"{Path.GetFileName(path)}: header must be {string.Join(',', header)}");
        var line = 1;
        while (csv.Read()) row(csv, ++line);
    }

    private static double Number(CsvReader csv, int index, string path, int line)
    {
        var text = csv.GetString(index);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)) return v;
        throw ApiError.Unreadable($"{Path.GetFileName(path)} line {line}: {csv.Headers[index]} '{RunFiles.Trim(text ?? "")}' is not a number");
    }
}
