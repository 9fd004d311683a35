using LiquidityLab.Results;

namespace LiquidityLab.Web.Api;

/// <summary>
/// A run's report document as JSON: <c>report.json</c> when the run folder has it, else the document
/// embedded in its <c>report.html</c> (runs made before report.json existed, or by a runner that writes
/// only the HTML), so the dashboard draws the report of any scenario kind.
/// </summary>
public static class RunReport
{
    private const string DataOpen = "<script id=\"report-data\" type=\"application/json\">";
    private const string DataClose = "</script>";

    public static string? Json(StoredRun run)
    {
        if (RunFiles.Resolve(run, "report.json") is { } json) return File.ReadAllText(json);
        if (RunFiles.Resolve(run, "report.html") is not { } html) return null;
        return FromHtml(File.ReadAllText(html));
    }

    /// <summary>The embedded document of a report.html, or null if it has none.</summary>
    public static string? FromHtml(string html)
    {
        var start = html.IndexOf(DataOpen, StringComparison.Ordinal);
        if (start < 0) return null;
        start += DataOpen.Length;
        var end = html.IndexOf(DataClose, start, StringComparison.Ordinal);
        if (end < 0) return null;
        // the writer escapes "</" inside the data as "<\/"; JSON reads "\/" as "/" anyway
        return html[start..end];
    }
}
