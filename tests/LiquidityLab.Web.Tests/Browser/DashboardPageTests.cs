using System.Globalization;
using System.Text.Json;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using Microsoft.Playwright;

namespace LiquidityLab.Web.Tests.Browser;

/// <summary>The dashboard in real headless Chromium against the real server and store of <see cref="DashboardFixture"/>.</summary>
[Collection("dashboard")]
public class DashboardPageTests(DashboardFixture f, BrowserFixture b) : IClassFixture<BrowserFixture>
{
    private async Task<IPage> Open(string hash)
    {
        var page = await b.NewPage();
        await page.GotoAsync(f.Server.Url + hash);
        await page.WaitForSelectorAsync("body[data-ready='1']");
        return page;
    }

    private void NoScriptErrors(IPage page) => Assert.Empty(b.PageErrors[page]);

    private static Task<T> Chart<T>(IPage page, string selector, string expression) =>
        page.EvaluateAsync<T>($"sel => {{ const c = echarts.getInstanceByDom(document.querySelector(sel)); const o = c.getOption(); return {expression}; }}", selector);

    [Fact]
    public async Task RunsPage_ListsTheRunMadeByTheTest_SortsAndSelectsToCompare()
    {
        var page = await Open("#/runs");
        var row = page.Locator($"tr[data-run-id='{f.Store.DealerRun}']");
        await Assertions.Expect(row).ToContainTextAsync("dealer-competition");
        await Assertions.Expect(row).ToContainTextAsync("done");
        var ids = await page.Locator("#runs-table tr[data-run-id]").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.runId))");
        Assert.Equal(ids.OrderDescending(), ids);
        await page.Locator("#runs-table th", new() { HasTextString = "id" }).First.ClickAsync();
        var ascending = await page.Locator("#runs-table tr[data-run-id]").EvaluateAllAsync<long[]>("rows => rows.map(r => Number(r.dataset.runId))");
        Assert.Equal(ids.Order(), ascending);
        await BrowserFixture.Screenshot(page, "runs");

        await page.Locator($"input[data-run='{f.Store.DealerRun}']").CheckAsync();
        await page.Locator($"input[data-run='{f.Store.SweepCases[0].Run.Id}']").CheckAsync();
        await page.Locator("#compare").ClickAsync();
        await page.WaitForSelectorAsync("body[data-page='compare'][data-ready='1']");
        // three makers of the dealer run and the sweep case's one, overlaid
        Assert.Equal(4, await Chart<int>(page, "#compare-pnl", "o.series.length"));
        Assert.Equal(4, await Chart<int>(page, "#compare-inventory", "o.series.length"));
        await Assertions.Expect(page.Locator("#compare-metrics")).ToContainTextAsync("MM1.total_pnl");
        await BrowserFixture.Screenshot(page, "compare");
        NoScriptErrors(page);
    }

    [Theory]
    [InlineData("dealer")]
    [InlineData("quoting")]
    public async Task RunPage_DrawsEveryChartOfItsReport(string which)
    {
        var id = which == "dealer" ? f.Store.DealerRun : f.Store.QuotingRun;
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(f.Store.Root, which, "report.json")));
        var blocks = doc.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()).ToArray();
        var charts = blocks.Where(x => x.GetProperty("type").GetString() is not ("table" or "note")).ToArray();

        var page = await Open($"#/run/{id}");
        await page.WaitForSelectorAsync("#report[data-charts-rendered]");
        Assert.Equal(charts.Length, await page.Locator("#report .chart").CountAsync());
        Assert.Equal(charts.Length, await page.Locator("#report .chart canvas").CountAsync());
        var firstLine = charts.First(x => x.GetProperty("type").GetString() == "line");
        var expected = firstLine.GetProperty("series").GetArrayLength()
            + (firstLine.TryGetProperty("referenceLines", out var refs) && refs.ValueKind == JsonValueKind.Array && refs.GetArrayLength() > 0 ? 1 : 0);
        Assert.Equal(expected, await Chart<int>(page, "#report .chart[data-chart-type='line']", "o.series.length"));
        Assert.True(await Chart<bool>(page, "#report .chart[data-chart-type='line']", "o.dataZoom.length > 0 && !!o.legend"), "zoom and legend toggles");
        await BrowserFixture.Screenshot(page, "run-" + which);
        NoScriptErrors(page);
    }

    [Fact]
    public async Task SweepHeatmap_ShowsTheRightCellValues()
    {
        const string metric = "MM1.total_pnl", x = "makers[0].quoting.spread", y = "mid.process.volatility";
        var page = await Open($"#/sweep?id={StoreWithRuns.SweepId}&metric={Uri.EscapeDataString(metric)}&x={Uri.EscapeDataString(x)}&y={Uri.EscapeDataString(y)}");
        var xs = await Chart<string[]>(page, "#sweep-heatmap", "o.xAxis[0].data");
        var ys = await Chart<string[]>(page, "#sweep-heatmap", "o.yAxis[0].data");
        Assert.Equal(["0.02", "0.1"], xs);
        Assert.Equal(["0.1", "0.3", "1.0"], ys);
        var cells = await Chart<double[][]>(page, "#sweep-heatmap", "o.series[0].data");
        Assert.Equal(6, cells.Length);
        foreach (var c in f.Store.SweepCases)
        {
            var cx = Array.IndexOf(xs, c.Parameters.Single(p => p.Key == x).Value);
            var cy = Array.IndexOf(ys, c.Parameters.Single(p => p.Key == y).Value);
            var cell = Assert.Single(cells, v => (int)v[0] == cx && (int)v[1] == cy);
            Assert.Equal(c.Metrics.Single(m => m.Key == metric).Value, cell[2], 9);
        }
        await Assertions.Expect(page.Locator("#sweep-cases tr")).ToHaveCountAsync(7);
        await BrowserFixture.Screenshot(page, "sweep");

        // another metric over the same axes redraws the same cells with its values
        await page.Locator("#pick-metric").SelectOptionAsync("MM1.fills");
        var fills = await Chart<double[][]>(page, "#sweep-heatmap", "o.series[0].data");
        var first = f.Store.SweepCases[0];
        Assert.Contains(fills, v => (int)v[0] == 0 && (int)v[1] == 0 && v[2] == first.Metrics.Single(m => m.Key == "MM1.fills").Value);
        NoScriptErrors(page);
    }

    [Fact]
    public async Task BookPage_DrawsTheDepthAndThePriceTimeHeatmaps()
    {
        var page = await Open($"#/run/{f.Store.BookRun}");
        await page.Locator("#book-link").ClickAsync();
        await page.WaitForSelectorAsync("body[data-page='book'][data-ready='1']");
        // the last snapshot (t = 2): one bid level 100.00 × 3, one ask level 100.02 × 6
        var bid = await Chart<double[]>(page, "#book-depth", "o.series[0].data[0]");
        var ask = await Chart<double[]>(page, "#book-depth", "o.series[1].data[0]");
        Assert.Equal(new[] { 100.0, 3.0 }, bid);
        Assert.Equal(new[] { 100.02, 6.0 }, ask);
        await page.Locator("#depth-time").FillAsync("0");
        // t = 1: bids cumulate 5 then 12
        var deeper = await Chart<double[]>(page, "#book-depth", "o.series[0].data[1]");
        Assert.Equal(new[] { 99.98, 12.0 }, deeper);
        var resting = await Chart<double[][]>(page, "#book-resting", "o.series[0].data");
        Assert.Contains(resting, c => c[0] == 1 && c[1] == 0 && c[2] == 12); // t = 1, price 99.99: 12 lots resting
        var traded = await Chart<double[][]>(page, "#book-traded", "o.series[0].data");
        Assert.Equal(2, traded.Length);
        Assert.Contains(traded, c => c[0] == 0 && c[1] == 1 && c[2] == 2);
        await BrowserFixture.Screenshot(page, "book");
        NoScriptErrors(page);
    }

    [Fact]
    public async Task ALiveRun_UpdatesThePageAsItRuns()
    {
        var page = await Open("#/live");
        using var dir = new TempDir();
        var loaded = ScenarioLoader.Load("dealer-large");
        // The run waits after each of its first three frames until the page has drawn it (or 10 s pass),
        // so the page must change while the run is going however fast the machine is.
        var shown = 0;
        var feed = new HubFeed(f.Hub, perSecond: 15, afterFrame: sent =>
        {
            if (sent <= 3) SpinWait.SpinUntil(() => Volatile.Read(ref shown) >= sent, TimeSpan.FromSeconds(10));
        });
        var run = Task.Run(() => ScenarioRunner.Run(loaded, new RunOptions(dir["live"], Live: feed)));

        var seen = new List<int>();
        while (!run.IsCompleted)
        {
            // the hub first replays the run before this one (another test's) to a page that connects: skip it
            var frames = await page.EvaluateAsync<string?>(
                "() => document.getElementById('live-title').textContent.includes('dealer-large') ? document.getElementById('main').dataset.frames : null");
            if (frames != null && int.TryParse(frames, CultureInfo.InvariantCulture, out var n) && (seen.Count == 0 || seen[^1] != n))
            {
                seen.Add(n);
                Volatile.Write(ref shown, n);
            }
            await Task.Delay(100);
        }
        await run;
        await page.WaitForSelectorAsync("main[data-live-status='done']");
        Assert.True(seen.Count >= 2, $"the page changed {seen.Count} time(s) while the run was going: {string.Join(", ", seen)}");
        Assert.Equal(seen.Order(), seen);
        await Assertions.Expect(page.Locator("#live-title")).ToContainTextAsync("dealer-large");
        foreach (var chart in new[] { "price", "inventory", "pnl" })
            Assert.Equal(1, await page.Locator($"[data-live-chart='{chart}'] canvas").CountAsync());
        Assert.Equal(2, await Chart<int>(page, "[data-live-chart='pnl']", "o.series.length")); // two makers
        Assert.True(await page.Locator("#live-fills tr").CountAsync() > 1, "fills listed");
        await BrowserFixture.Screenshot(page, "live");
        NoScriptErrors(page);
    }

    [Fact]
    public async Task ALiveMultiAssetRun_DrawsEachInstrument_ThePortfolio_AndItsNetExposure_OnTheBarAxis()
    {
        var page = await Open("#/live");
        using var dir = new TempDir();
        var feed = new HubFeed(f.Hub, perSecond: 1000);
        await Task.Run(() => ScenarioRunner.Run(ScenarioLoader.Load("alpha-multi-asset"), new RunOptions(dir["live"], Live: feed)));
        await page.WaitForFunctionAsync("() => document.getElementById('live-title').textContent.includes('alpha_multi')"
            + $" && document.getElementById('main').dataset.frames === '{feed.Frames}' && document.getElementById('main').dataset.liveStatus === 'done'");
        var prices = await Chart<string[]>(page, "[data-live-chart='price']", "o.series.map(s => s.name)");
        Assert.Equal(new[] { "AAA", "BBB" }, prices.Order());
        var pnl = await Chart<string[]>(page, "[data-live-chart='pnl']", "o.series.map(s => s.name)");
        Assert.Equal(new[] { "AAA", "BBB", "portfolio" }, pnl.Order());
        Assert.Equal(1, await page.Locator("[data-live-chart='net exposure'] canvas").CountAsync());
        Assert.Equal("bar", await Chart<string>(page, "[data-live-chart='pnl']", "o.xAxis[0].name"));
        NoScriptErrors(page);
    }
}
