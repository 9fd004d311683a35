using System.Text.Json;
using LiquidityLab.Results;

namespace LiquidityLab.Web.Tests.Api;

/// <summary>The read-only JSON API against a real server on a loopback port and a real SQLite store.</summary>
[Collection("dashboard")]
public class RunsApiTests(DashboardFixture f)
{
    [Fact]
    public void TheServer_ListensOnLoopback_ByDefault()
    {
        Assert.StartsWith("http://127.0.0.1:", f.Server.Url, StringComparison.Ordinal);
        Assert.Equal("127.0.0.1", new DashboardOptions(null).Host);
    }

    [Fact]
    public async Task Runs_ListsTheRunsTheTestMade_NewestFirst_WithTheirMetrics()
    {
        var (status, body) = await f.GetJson("/api/runs");
        Assert.Equal(200, status);
        var runs = body.EnumerateArray().ToArray();
        var ids = runs.Select(r => r.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(ids.OrderDescending(), ids);
        var dealer = runs.Single(r => r.GetProperty("id").GetInt64() == f.Store.DealerRun);
        Assert.Equal("dealer-competition", dealer.GetProperty("scenario").GetString());
        Assert.Equal("done", dealer.GetProperty("status").GetString());
        Assert.Equal(["web-test"], dealer.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(dealer.GetProperty("has_report").GetBoolean());

        using var store = ResultsStore.Open(f.Store.StorePath);
        var pnl = store.Metrics(f.Store.DealerRun).First(m => m.Key.EndsWith("total_pnl", StringComparison.Ordinal));
        Assert.Equal(pnl.Value, dealer.GetProperty("metrics").GetProperty(pnl.Key).GetDouble());
    }

    [Fact]
    public async Task Runs_Filters_ByScenarioTagSweepAndLimit()
    {
        var (_, byTag) = await f.GetJson("/api/runs?tag=web-test");
        Assert.Equal([f.Store.DealerRun], byTag.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var (_, bySweep) = await f.GetJson($"/api/runs?sweep={StoreWithRuns.SweepId}&status=done");
        Assert.Equal(6, bySweep.GetArrayLength());
        var (_, limited) = await f.GetJson("/api/runs?limit=2");
        Assert.Equal(2, limited.GetArrayLength());
        var (_, none) = await f.GetJson("/api/runs?scenario=nothing-like-this");
        Assert.Equal(0, none.GetArrayLength());
    }

    [Theory]
    [InlineData("/api/runs?status=finished", "unknown status 'finished'")]
    [InlineData("/api/runs?limit=abc", "limit 'abc': must be a whole number from 1 to 10000")]
    [InlineData("/api/runs?limit=0", "limit '0'")]
    [InlineData("/api/runs?colour=red", "unknown filter 'colour'")]
    [InlineData("/api/runs?since=yesterday-ish", "since 'yesterday-ish': not a date")]
    [InlineData("/api/runs/abc", "run id 'abc': must be a positive whole number")]
    [InlineData("/api/runs/-3", "run id '-3'")]
    [InlineData("/api/sweeps/cases", "give the sweep as ?id=")]
    public async Task BadInput_IsA400_WithAMessageNamingIt(string path, string message)
    {
        var (status, body) = await f.GetJson(path);
        Assert.Equal(400, status);
        Assert.Contains(message, body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/api/runs/999999", "no run 999999 in the store")]
    [InlineData("/api/sweeps/cases?id=no-such-sweep", "no sweep 'no-such-sweep'")]
    [InlineData("/api/nothing/here", "no such page or API: /api/nothing/here")]
    [InlineData("/assets/secret.txt", "no asset 'secret.txt'")]
    public async Task Unknown_IsA404_WithAMessage(string path, string message)
    {
        var (status, body) = await f.GetJson(path);
        Assert.Equal(404, status);
        Assert.Contains(message, body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Run_GivesFieldsFilesAndTheResolvedScenario()
    {
        var (status, body) = await f.GetJson($"/api/runs/{f.Store.DealerRun}");
        Assert.Equal(200, status);
        var files = body.GetProperty("files").EnumerateArray().Select(x => x.GetString()).ToArray();
        Assert.Contains("report.json", files);
        Assert.Contains("timeseries.csv", files);
        Assert.Contains("name: dealer-competition", body.GetProperty("resolved_yaml").GetString());
        Assert.False(body.TryGetProperty("folder", out _)); // the API names files, never paths
    }

    [Fact]
    public async Task Report_IsTheRunsReportJson_ByteForByte()
    {
        var text = await f.Http.GetStringAsync($"/api/runs/{f.Store.DealerRun}/report");
        Assert.Equal(File.ReadAllText(Path.Combine(f.Store.Root, "dealer", "report.json")), text);
        using var doc = JsonDocument.Parse(text);
        Assert.Contains(doc.RootElement.GetProperty("sections").EnumerateArray().SelectMany(s => s.GetProperty("blocks").EnumerateArray()),
            b => b.GetProperty("type").GetString() == "line");
    }

    [Fact]
    public async Task Report_OfARunWithOnlyReportHtml_IsTheDocumentItEmbeds()
    {
        var (status, fromHtml) = await f.GetJson($"/api/runs/{f.Store.HtmlOnlyRun}/report");
        Assert.Equal(200, status);
        var (_, fromJson) = await f.GetJson($"/api/runs/{f.Store.DealerRun}/report");
        Assert.Equal(fromJson.GetRawText(), fromHtml.GetRawText());
        var (missing, error) = await f.GetJson($"/api/runs/{f.Store.BookRun}/report");
        Assert.Equal(404, missing);
        Assert.Contains("has no report", error.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Series_HasOneLinePerMaker_EndingAtTheRunsFinalPnl()
    {
        var (status, body) = await f.GetJson($"/api/runs/{f.Store.DealerRun}/series");
        Assert.Equal(200, status);
        var lines = body.GetProperty("series").EnumerateArray().ToArray();
        Assert.Equal(3, lines.Length); // dealer-competition has three makers
        using var store = ResultsStore.Open(f.Store.StorePath);
        var metrics = store.Metrics(f.Store.DealerRun);
        foreach (var line in lines)
        {
            var name = line.GetProperty("name").GetString()!;
            var last = line.GetProperty("pnl").EnumerateArray().Last().GetDouble();
            Assert.Equal(metrics.Single(m => m.Key == name + ".total_pnl").Value, last, 6);
            Assert.Equal(line.GetProperty("time").GetArrayLength(), line.GetProperty("inventory").GetArrayLength());
        }
        var (_, quoting) = await f.GetJson($"/api/runs/{f.Store.QuotingRun}/series");
        Assert.NotEmpty(quoting.GetProperty("series").EnumerateArray());
    }

    [Fact]
    public async Task Sweeps_ListTheSweep_AndItsCasesWithSweptValuesAndMetrics()
    {
        var (_, sweeps) = await f.GetJson("/api/sweeps");
        var sweep = Assert.Single(sweeps.EnumerateArray());
        Assert.Equal(StoreWithRuns.SweepId, sweep.GetProperty("sweep_id").GetString());
        Assert.Equal(6, sweep.GetProperty("done").GetInt32());

        var (status, body) = await f.GetJson($"/api/sweeps/cases?id={StoreWithRuns.SweepId}");
        Assert.Equal(200, status);
        Assert.Equal(["makers[0].quoting.spread", "mid.process.volatility"], body.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
        var cases = body.GetProperty("cases").EnumerateArray().ToArray();
        Assert.Equal(f.Store.SweepCases.Select(c => c.Run.CaseName), cases.Select(c => c.GetProperty("case").GetString()));
        Assert.Equal("0.1", cases[5].GetProperty("parameters").GetProperty("makers[0].quoting.spread").GetString());
        Assert.Equal("1.0", cases[5].GetProperty("parameters").GetProperty("mid.process.volatility").GetString());
        Assert.Equal(f.Store.SweepCases[5].Metrics.Single(m => m.Key == "MM1.total_pnl").Value,
            cases[5].GetProperty("metrics").GetProperty("MM1.total_pnl").GetDouble());
    }

    [Fact]
    public async Task Book_ReadsTheContractFiles_IntoDepthSnapshotsAndHeatmapCells()
    {
        var (status, body) = await f.GetJson($"/api/runs/{f.Store.BookRun}/book");
        Assert.Equal(200, status);
        var depth = body.GetProperty("depth").EnumerateArray().ToArray();
        Assert.Equal(2, depth.Length);
        Assert.Equal(1.0, depth[0].GetProperty("time").GetDouble());
        Assert.Equal([[99.99, 5], [99.98, 7]], depth[0].GetProperty("bids").EnumerateArray().Select(l => l.EnumerateArray().Select(x => x.GetDouble()).ToArray()));
        Assert.Equal([[100.01, 4], [100.03, 9]], depth[0].GetProperty("asks").EnumerateArray().Select(l => l.EnumerateArray().Select(x => x.GetDouble()).ToArray()));

        var heat = body.GetProperty("heatmap");
        Assert.Equal([0.0, 1.0], heat.GetProperty("times").EnumerateArray().Select(x => x.GetDouble()));
        Assert.Equal([99.99, 100.01, 100.02], heat.GetProperty("prices").EnumerateArray().Select(x => x.GetDouble()));
        // (t=0, 100.01): resting 4, traded 2
        Assert.Contains(heat.GetProperty("cells").EnumerateArray(), c => c.EnumerateArray().Select(x => x.GetDouble()).SequenceEqual([0.0, 1.0, 4.0, 2.0]));

        var (none, error) = await f.GetJson($"/api/runs/{f.Store.DealerRun}/book");
        Assert.Equal(404, none);
        Assert.Contains("has no order book files", error.GetProperty("error").GetString());
    }

    [Fact]
    public void Book_AFileOffTheContract_IsRefusedWithItsLine()
    {
        using var dir = new TempFile("time_s,side,price,quantity\n1,bid,99.9,5\n1,middle,100,1\n");
        var e = Assert.Throws<Web.Api.ApiError>(() => Web.Api.BookReader.ReadDepth(dir.Path));
        Assert.Equal(422, e.Status);
        Assert.Contains("line 3: side 'middle': must be bid or ask", e.Message);
        using var header = new TempFile("time,side,price,qty\n");
        Assert.Contains("header must be time_s,side,price,quantity", Assert.Throws<Web.Api.ApiError>(() => Web.Api.BookReader.ReadDepth(header.Path)).Message);
    }
}

internal sealed class TempFile : IDisposable
{
    public TempFile(string content)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "liqlab-web-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllText(Path, content);
    }
    public string Path { get; }
    public void Dispose() => File.Delete(Path);
}
