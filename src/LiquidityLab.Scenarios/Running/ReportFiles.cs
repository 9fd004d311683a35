using LiquidityLab.Analytics.Reports;

namespace LiquidityLab.Scenarios.Running;

/// <summary>
/// Writes a run's report twice from one document: <c>report.html</c> (self-contained, offline) and
/// <c>report.json</c> (the same document as data, which the web dashboard draws for any scenario kind).
/// Every runner writes its report through here.
/// </summary>
public static class ReportFiles
{
    public const string Html = "report.html";
    public const string Json = "report.json";

    public static void Write(RunFolder folder, ReportDocument document)
    {
        File.WriteAllText(folder.PathOf(Html), HtmlReportWriter.Render(document));
        File.WriteAllText(folder.PathOf(Json), HtmlReportWriter.ToJson(document) + "\n");
    }
}
