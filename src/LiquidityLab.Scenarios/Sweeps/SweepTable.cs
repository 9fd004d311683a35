using System.Globalization;
using System.Text.Json;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>
/// The table of all cases, one row per case in case order: id, name, every swept key's value and
/// every headline metric (<c>MAKER.metric</c>), as <c>sweep.csv</c> and <c>sweep.json</c>. Numbers are
/// written in invariant round-trip form; a metric a case lacks is an empty cell (null in JSON).
/// </summary>
public static class SweepTable
{
    /// <summary>Every metric key of the results, in the order first seen in case order.</summary>
    public static IReadOnlyList<string> MetricKeys(IReadOnlyList<SweepCaseResult> results) =>
        results.SelectMany(r => r.Metrics).Select(m => m.Key).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Metric keys whose last part (after the maker name) is one of <paramref name="suffixes"/>, grouped by suffix in that order.</summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> keys, IReadOnlyList<string> suffixes) =>
        suffixes.SelectMany(s => keys.Where(k => Suffix(k) == s)).ToArray();

    public static string Suffix(string key) => key[(key.LastIndexOf('.') + 1)..];

    public static string Prefix(string key) => key.LastIndexOf('.') is var i and > 0 ? key[..i] : "";

    public static double? Value(SweepCaseResult r, string key) =>
        r.Metrics.FirstOrDefault(m => m.Key == key) is { Key: not null } m ? m.Value : null;

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static void WriteCsv(TextWriter w, LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results)
    {
        var keys = MetricKeys(results);
        w.WriteLine(string.Join(",", new[] { "case", "name" }.Concat(sweep.Parameters).Concat(keys).Select(Csv)));
        foreach (var r in results)
        {
            var cells = new List<string> { r.Case.Id, r.Case.Name ?? "" };
            cells.AddRange(sweep.Parameters.Select(p => r.Case.ValueOf(p) ?? ""));
            cells.AddRange(keys.Select(k => Value(r, k) is { } v ? Number(v) : ""));
            w.WriteLine(string.Join(",", cells.Select(Csv)));
        }
    }

    public static void WriteJson(TextWriter w, LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results)
    {
        var keys = MetricKeys(results);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", sweep.Base.Scenario.Name);
            json.WriteString("kind", Yaml.ScenarioNaming.KindOf(sweep.Base.Scenario.GetType()));
            json.WriteNumber("seed", sweep.Base.Scenario.Seed);
            json.WriteStartArray("parameters");
            foreach (var p in sweep.Parameters) json.WriteStringValue(p);
            json.WriteEndArray();
            json.WriteStartArray("cases");
            foreach (var r in results)
            {
                json.WriteStartObject();
                json.WriteString("case", r.Case.Id);
                if (r.Case.Name is { } name) json.WriteString("name", name);
                else json.WriteNull("name");
                json.WriteStartObject("parameters");
                foreach (var p in sweep.Parameters)
                {
                    if (r.Case.ValueOf(p) is not { } text) json.WriteNull(p);
                    else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d)) json.WriteNumber(p, d);
                    else json.WriteString(p, text);
                }
                json.WriteEndObject();
                json.WriteStartObject("metrics");
                foreach (var k in keys)
                {
                    if (Value(r, k) is { } v) json.WriteNumber(k, v);
                    else json.WriteNull(k);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        w.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        w.Write('\n');
    }

    /// <summary>The console summary: cases × total PnL, Sharpe, drawdown and rejections of every maker (at most eight metric columns).</summary>
    public static TableBlock Summary(LoadedSweep sweep, IReadOnlyList<SweepCaseResult> results)
    {
        var keys = Select(MetricKeys(results), ["total_pnl", "sharpe_per_step", "max_drawdown", "rejections"]).Take(8).ToArray();
        if (keys.Length == 0) keys = MetricKeys(results).Take(8).ToArray();
        return new TableBlock("Cases", ["case", .. keys],
            results.Select(r => (IReadOnlyList<string>)[r.Case.Id + (r.Reused ? " (reused)" : ""), .. keys.Select(k => Format.Number(Value(r, k)))]).ToArray());
    }

    private static string Csv(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
}
