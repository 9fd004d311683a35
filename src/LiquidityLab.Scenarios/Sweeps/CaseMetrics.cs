using System.Text;
using System.Text.Json;
using LiquidityLab.Analytics.Exports;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>
/// A case's headline metrics, kept in <c>metrics.json</c> inside its run folder. The sweep writes it
/// after the case's folder is committed, so a folder with a readable metrics.json is a finished case.
/// </summary>
public static class CaseMetrics
{
    public const string FileName = "metrics.json";

    public static void Write(string caseFolder, IReadOnlyList<RunMetric> metrics) =>
        AtomicFile.Write(Path.Combine(caseFolder, FileName), stream =>
        {
            using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            json.WriteStartObject();
            json.WriteStartObject("metrics");
            foreach (var m in metrics) json.WriteNumber(m.Key, m.Value);
            json.WriteEndObject();
            json.WriteEndObject();
            json.Flush();
            stream.WriteByte((byte)'\n');
        });

    /// <summary>
    /// The metrics of a finished case whose <c>scenario.yaml</c> equals <paramref name="resolvedYaml"/> byte for
    /// byte; null when the folder is missing, holds another scenario, or its metrics cannot be read.
    /// </summary>
    public static IReadOnlyList<RunMetric>? TryReuse(string caseFolder, string resolvedYaml)
    {
        try
        {
            var scenarioFile = Path.Combine(caseFolder, ScenarioRunner.ResolvedScenarioFile);
            var metricsFile = Path.Combine(caseFolder, FileName);
            if (!File.Exists(scenarioFile) || !File.Exists(metricsFile)) return null;
            if (!File.ReadAllBytes(scenarioFile).AsSpan().SequenceEqual(Encoding.UTF8.GetBytes(resolvedYaml))) return null;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(metricsFile));
            return doc.RootElement.GetProperty("metrics").EnumerateObject().Select(p => new RunMetric(p.Name, p.Value.GetDouble())).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException
                                      or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
