using System.Text;
using System.Text.Json;
using LiquidityLab.Results;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary>
/// The JSON the <c>runs</c> commands print for scripts: snake_case keys in a fixed order, metrics
/// in recording order, times as UTC ISO 8601, a metric that is not a number as null.
/// </summary>
internal static class RunJson
{
    public static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            body(w);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Run(Utf8JsonWriter w, StoredRun run, IReadOnlyList<StoredMetric> metrics, bool withConfig)
    {
        w.WriteStartObject();
        w.WriteNumber("id", run.Id);
        w.WriteString("scenario", run.Scenario);
        w.WriteString("kind", run.Kind);
        w.WriteString("source", run.Source);
        w.WriteNumber("seed", run.Seed);
        w.WriteString("status", ResultsStore.Text(run.Status));
        w.WriteString("started_at", StoreTime.ToText(run.StartedAt));
        NullableString(w, "finished_at", run.FinishedAt is { } f ? StoreTime.ToText(f) : null);
        Number(w, "wall_seconds", run.WallSeconds);
        NullableString(w, "folder", run.Folder);
        Strings(w, "files", run.Files);
        Strings(w, "tags", run.Tags);
        NullableString(w, "sweep_id", run.SweepId);
        NullableString(w, "case_name", run.CaseName);
        NullableString(w, "error", run.Error);
        w.WriteString("host", run.Host);
        w.WriteNumber("pid", run.ProcessId);
        w.WriteStartObject("metrics");
        foreach (var m in metrics) Number(w, m.Key, m.Value);
        w.WriteEndObject();
        if (withConfig) w.WriteString("config_yaml", run.ResolvedYaml);
        w.WriteEndObject();
    }

    public static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v);
        else w.WriteNull(name);
    }

    public static void NumberValue(Utf8JsonWriter w, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumberValue(v);
        else w.WriteNullValue();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    private static void Strings(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
