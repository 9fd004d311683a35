namespace LiquidityLab.Web.Tests.Api;

/// <summary>No request path reaches the file system unchecked; the API is read-only, bounded and answers errors as JSON.</summary>
[Collection("dashboard")]
public class SafetyTests(DashboardFixture f)
{
    [Fact]
    public async Task ARunsRecordedFile_IsServed()
    {
        var (status, body) = await f.Raw($"/api/runs/{f.Store.DealerRun}/files/summary.json");
        Assert.Equal(200, status);
        Assert.Equal(File.ReadAllText(Path.Combine(f.Store.Root, "dealer", "summary.json")), body);
    }

    public static TheoryData<string> Escapes => new()
    {
        "/api/runs/{0}/files/../liqlab.db",
        "/api/runs/{0}/files/../../liqlab.db",
        "/api/runs/{0}/files/..%2fliqlab.db",
        "/api/runs/{0}/files/..%2Fliqlab.db",
        "/api/runs/{0}/files/%2e%2e%2fliqlab.db",
        "/api/runs/{0}/files/..%5cliqlab.db",
        "/api/runs/{0}/files/%2Fetc%2Fpasswd",
        "/api/runs/{0}/files//etc/passwd",
        "/api/runs/{0}/files/.",
        "/api/runs/{0}/files/scenario.yaml%00.json",
        "/assets/../liqlab.db",
        "/assets/..%2f..%2fliqlab.db",
        "/../liqlab.db",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/etc/passwd",
        "/api/runs/{0}/files/C:%5cWindows%5cwin.ini",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public async Task APathThatLeavesTheRunFolder_IsNotFound_AndServesNoFile(string template)
    {
        var (status, body) = await f.Raw(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, f.Store.DealerRun));
        Assert.True(status is 400 or 404, $"{template}: status {status}");
        Assert.DoesNotContain("SQLite format", body);
        Assert.DoesNotContain("root:", body);
        // ours say why in JSON; a request line Kestrel itself refuses (a NUL, a path above the root) gets its bare 400
        if (body.Length > 0 || status != 400) Assert.StartsWith("{\"error\":", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileInTheFolderButNotRecorded_OrASymbolicLink_IsNotServed()
    {
        var folder = Path.Combine(f.Store.Root, "dealer");
        File.WriteAllText(Path.Combine(folder, "extra.txt"), "not in the recorded list");
        var (status, body) = await f.Raw($"/api/runs/{f.Store.DealerRun}/files/extra.txt");
        Assert.Equal(404, status);
        Assert.Contains($"run {f.Store.DealerRun} has no file 'extra.txt'", body);

        // a recorded name that has become a link to a file outside the folder
        var book = Path.Combine(f.Store.Root, "book", "book_depth.csv");
        var kept = File.ReadAllText(book);
        File.Delete(book);
        File.CreateSymbolicLink(book, f.Store.StorePath);
        try
        {
            var (linked, linkBody) = await f.Raw($"/api/runs/{f.Store.BookRun}/files/book_depth.csv");
            Assert.Equal(404, linked);
            Assert.DoesNotContain("SQLite format", linkBody);
        }
        finally
        {
            File.Delete(book);
            File.WriteAllText(book, kept);
        }
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task WritingMethods_AreRefused(string method)
    {
        var (status, body) = await f.Raw($"/api/runs/{f.Store.DealerRun}", method);
        Assert.Equal(405, status);
        Assert.Contains("read-only", body);
        var (_, still) = await f.GetJson($"/api/runs/{f.Store.DealerRun}");
        Assert.Equal("done", still.GetProperty("run").GetProperty("status").GetString());
    }

    [Fact]
    public async Task RequestSizes_AreBounded()
    {
        var (longQuery, body) = await f.Raw("/api/runs?scenario=" + new string('x', 2000));
        Assert.Equal(400, longQuery);
        Assert.Contains("query string longer than 1024", body);
        var (longLine, _) = await f.Raw("/api/runs/" + new string('1', 5000));
        Assert.Equal(414, longLine);
        var (bigHeader, _) = await f.Raw("/api/runs", extraHeaders: $"X-Big: {new string('h', 20_000)}\r\n");
        Assert.Equal(431, bigHeader);
        var (withBody, bodyError) = await f.Raw("/api/runs", extraHeaders: "Content-Length: 5\r\n", body: "hello");
        Assert.Equal(400, withBody);
        Assert.Contains("carries no body", bodyError);
    }

    [Fact]
    public async Task AnotherHostName_IsRefused_WhileOnLoopback()
    {
        var (status, body) = await f.Raw("/api/runs", host: "attacker.example");
        Assert.Equal(400, status);
        Assert.Contains("host 'attacker.example' not allowed", body);
        Assert.Equal(200, (await f.Raw("/api/runs", host: "localhost")).Status);
    }

    [Fact]
    public async Task ThePage_ForbidsForeignScripts_AndRunFilesAreSandboxed()
    {
        using var page = await f.Http.GetAsync("/");
        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());
        using var file = await f.Http.GetAsync($"/api/runs/{f.Store.DealerRun}/files/report.html");
        Assert.Equal("sandbox allow-scripts", file.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task AMissingStore_IsRefusedAtStart_NotCreated()
    {
        var path = Path.Combine(f.Store.Root, "absent", "liqlab.db");
        await Assert.ThrowsAsync<LiquidityLab.Results.StoreInputException>(() => DashboardServer.StartAsync(new DashboardOptions(path, Port: 0)));
        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("192.168.1.20", false)]
    public void Loopback_IsRecognised(string host, bool loopback) => Assert.Equal(loopback, DashboardServer.IsLoopback(host));

    [Fact]
    public void AHostThatIsNotAnAddress_IsRefused() =>
        Assert.Contains("--host example.org: not an IP address", Assert.Throws<ArgumentException>(() => DashboardServer.ParseHost("example.org")).Message);
}
