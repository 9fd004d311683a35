using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace LiquidityLab.Analytics.Reports;

/// <summary>
/// Renders a <see cref="ReportDocument"/> as one self-contained HTML file: the charting library
/// (Apache ECharts, from the npm registry at build time) and its licence are inlined, so the
/// report opens offline and can be mailed around. The output depends only on the document, so
/// the same run gives byte-identical reports.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly Lazy<Assets> Embedded = new(Assets.Load);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        WriteIndented = false,
    };

    /// <summary>Version of the embedded charting library, for the report footer and docs.</summary>
    public static string ChartLibraryVersion => Embedded.Value.EchartsVersion;

    /// <summary>
    /// The document as JSON (<c>report.json</c>), exactly the data report.html embeds: camelCase keys, a
    /// <c>type</c> on every block, NaN and infinities as the strings "NaN"/"Infinity".
    /// </summary>
    public static string ToJson(ReportDocument document) => JsonSerializer.Serialize(document, Json);

    public static string Render(ReportDocument document)
    {
        var assets = Embedded.Value;
        var data = ToJson(document).Replace("</", "<\\/", StringComparison.Ordinal);
        var html = new StringBuilder(assets.Echarts.Length + data.Length + 16_384);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode(document.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(assets.Css).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<div id=\"report\"></div>\n");
        html.Append("<footer>Made by LiquidityLab. Charts: Apache ECharts ").Append(assets.EchartsVersion)
            .Append(" (Apache License 2.0, text below).<details><summary>Apache ECharts licence</summary><pre>")
            .Append(WebUtility.HtmlEncode(assets.EchartsLicense)).Append("</pre></details></footer>\n");
        html.Append("<script>\n").Append(assets.Echarts).Append("\n</script>\n");
        html.Append("<script id=\"report-data\" type=\"application/json\">").Append(data).Append("</script>\n");
        html.Append("<script>\n").Append(assets.Script).Append("\n</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private sealed record Assets(string Echarts, string EchartsLicense, string EchartsVersion, string Script, string Css)
    {
        public static Assets Load()
        {
            var asm = typeof(HtmlReportWriter).Assembly;
            var version = JsonNode.Parse(Read(asm, "report/echarts.package.json"))?["version"]?.GetValue<string>() ?? "unknown";
            return new Assets(Read(asm, "report/echarts.min.js"), Read(asm, "report/echarts.LICENSE"), version,
                Read(asm, "report/report.js"), Read(asm, "report/report.css"));
        }

        private static string Read(Assembly asm, string name)
        {
            using var stream = asm.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"embedded report asset '{name}' is missing: rebuild so that npm installs it");
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }
}
