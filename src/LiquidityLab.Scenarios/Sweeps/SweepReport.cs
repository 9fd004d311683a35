using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>
/// The sweep's comparison report: the swept parameters, a table of every case × the key metrics,
/// bar charts of chosen metrics per case, and, when the grid has two or more parameters, heatmaps
/// over the first two (a cell is the mean over the cases that share its two values).
/// </summary>
internal static class SweepReport
{
    private static readonly string[] TableMetrics =
        ["total_pnl", "spread_capture", "inventory_pnl", "hedge_cost", "sharpe_per_step", "max_drawdown", "var_99", "fills", "rejections", "market_share", "inventory_max_abs"];

    private static readonly string[] BarMetrics = ["total_pnl", "sharpe_per_step", "max_drawdown", "rejections", "inventory_max_abs"];

    private static readonly string[] HeatmapMetrics = ["total_pnl", "sharpe_per_step"];

    public static ReportDocument Build(LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results)
    {
        var scenario = sweep.Base.Scenario;
        var keys = SweepTable.MetricKeys(results);
        var sections = new List<ReportSection>
        {
            new("Sweep", [Parameters(sweep)],
                $"{results.Count} cases of {scenario.Name}, each the base scenario with the assignments below. Every case runs with the same seed " +
                $"({scenario.Seed}), so random streams that a swept key does not touch draw the same numbers in every case (common random numbers): " +
                "differences between cases come from the parameters, not from luck."),
            new("Cases", [CaseTable(sweep, results, keys)], "Every case and its key metrics; all metrics are in sweep.csv and sweep.json."),
        };

        var bars = BarMetrics.Select(s => Bar(s, results, keys)).OfType<ReportBlock>().ToArray();
        if (bars.Length > 0) sections.Add(new ReportSection("Metrics per case", bars));

        if (sweep.Definition.Grid.Count >= 2)
        {
            var heatmaps = SweepTable.Select(keys, HeatmapMetrics).Select(k => (ReportBlock)Heatmap(sweep, results, k)).ToArray();
            if (heatmaps.Length > 0)
            {
                var others = sweep.Definition.Grid.Count > 2 || sweep.Definition.Cases.Count > 0;
                sections.Add(new ReportSection("Heatmaps", heatmaps,
                    $"Over {sweep.Definition.Grid[0].Path} and {sweep.Definition.Grid[1].Path}" +
                    (others ? "; each cell is the mean over the other swept parameters and named cases." : ".")));
            }
        }
        return new ReportDocument($"{scenario.Name} sweep", $"{results.Count} cases, seed {scenario.Seed}", sections);
    }

    private static TableBlock Parameters(LoadedSweep sweep)
    {
        var rows = sweep.Definition.Grid.Select(g => (IReadOnlyList<string>)["grid", g.Path, string.Join(", ", g.Values.Select(SweepValues.Show))]).ToList();
        foreach (var c in sweep.Definition.Cases)
            rows.Add(["case " + c.Name, string.Join(", ", c.Set.Select(a => a.Path)), string.Join(", ", c.Set.Select(a => a.Text))]);
        return new TableBlock("Swept parameters", ["source", "key", "values"], rows);
    }

    private static TableBlock CaseTable(LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results, IReadOnlyList<string> keys)
    {
        var shown = SweepTable.Select(keys, TableMetrics);
        if (shown.Count == 0) shown = keys.Take(12).ToArray();
        return new TableBlock(null, ["case", .. sweep.Parameters, .. shown],
            results.Select(r => (IReadOnlyList<string>)
                [r.Case.Id, .. sweep.Parameters.Select(p => r.Case.ValueOf(p) ?? ""), .. shown.Select(k => Format.Number(SweepTable.Value(r, k)))]).ToArray());
    }

    private static BarChart? Bar(string suffix, IReadOnlyList<SweepCaseResult> results, IReadOnlyList<string> keys)
    {
        var selected = SweepTable.Select(keys, [suffix]);
        if (selected.Count == 0) return null;
        var series = selected.Select(k => new Series(SweepTable.Prefix(k) is { Length: > 0 } p ? p : k,
            results.Select(r => SweepTable.Value(r, k)).ToArray())).ToArray();
        return new BarChart(suffix.Replace('_', ' '), "case", suffix.Replace('_', ' '), results.Select(r => r.Case.Id).ToArray(), series);
    }

    private static HeatmapChart Heatmap(LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results, string key)
    {
        var x = sweep.Definition.Grid[0];
        var y = sweep.Definition.Grid[1];
        var values = new IReadOnlyList<double?>[y.Values.Count];
        for (var j = 0; j < y.Values.Count; j++)
        {
            var row = new double?[x.Values.Count];
            for (var i = 0; i < x.Values.Count; i++)
            {
                var cell = results.Where(r => r.Case.GridIndex[0] == i && r.Case.GridIndex[1] == j)
                    .Select(r => SweepTable.Value(r, key)).OfType<double>().ToArray();
                row[i] = cell.Length > 0 ? cell.Average() : null;
            }
            values[j] = row;
        }
        return new HeatmapChart(key, x.Path, y.Path, x.Values.Select(SweepValues.Show).ToArray(), y.Values.Select(SweepValues.Show).ToArray(),
            values, key);
    }
}
