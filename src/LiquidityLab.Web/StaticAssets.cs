using System.Reflection;
using LiquidityLab.Analytics.Reports;

namespace LiquidityLab.Web;

/// <summary>
/// The dashboard's files, all embedded: the page, its script and style (this assembly), and the
/// charting library, report renderer and licence (the Analytics assembly: the very files every
/// report.html inlines). Served by name from this fixed list only.
/// </summary>
internal static class StaticAssets
{
    public sealed record Asset(byte[] Bytes, string ContentType);

    private static readonly Lazy<IReadOnlyDictionary<string, Asset>> All = new(Load);

    public static Asset? Find(string name) => All.Value.GetValueOrDefault(name);

    private static IReadOnlyDictionary<string, Asset> Load()
    {
        var web = typeof(StaticAssets).Assembly;
        var analytics = typeof(HtmlReportWriter).Assembly;
        return new Dictionary<string, Asset>(StringComparer.Ordinal)
        {
            ["index.html"] = new(Read(web, "web/index.html"), "text/html; charset=utf-8"),
            ["app.js"] = new(Read(web, "web/app.js"), "text/javascript; charset=utf-8"),
            ["app.css"] = new(Read(web, "web/app.css"), "text/css; charset=utf-8"),
            ["echarts.min.js"] = new(Read(analytics, "report/echarts.min.js"), "text/javascript; charset=utf-8"),
            ["echarts.LICENSE.txt"] = new(Read(analytics, "report/echarts.LICENSE"), "text/plain; charset=utf-8"),
            ["report.js"] = new(Read(analytics, "report/report.js"), "text/javascript; charset=utf-8"),
            ["report.css"] = new(Read(analytics, "report/report.css"), "text/css; charset=utf-8"),
        };
    }

    private static byte[] Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded dashboard asset '{name}' is missing: rebuild so that npm installs it");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
