using System.Net.Http;
using System.Text.RegularExpressions;

namespace LiquidityLab.Cli.Tests.Commands;

/// <summary><c>liqlab serve</c> and <c>liqlab run --live</c> through the real executable.</summary>
public class ServeCommandTests
{
    [Fact]
    public void Serve_AMissingStore_ExitsWithCode2_AndCreatesNothing()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "serve", "--store", Path.Combine(dir.Path, "none", "liqlab.db"), "--port", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no results store at", r.Stderr);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Theory]
    [InlineData("--port", "70000", "--port 70000: must be between 0 and 65535")]
    [InlineData("--host", "example.org", "--host example.org: not an IP address")]
    public void Serve_ABadPortOrHost_ExitsWithCode2_NamingIt(string option, string value, string message)
    {
        using var dir = new TempDir();
        var r = option == "--port" ? CliRunner.Run(dir.Path, "serve", "--port", value) : CliRunner.Run(dir.Path, "serve", option, value, "--port", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public async Task Serve_AnswersOnLoopback_AndWarnsOnlyForAnotherAddress()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, "run", "dealer-single", "--set", "clients.count=20").ExitCode);
        using var process = CliRunner.Start(dir.Path, "serve", "--port", "0");
        try
        {
            var line = await process.StandardOutput.ReadLineAsync();
            var url = Regex.Match(line ?? "", @"http://127\.0\.0\.1:\d+/").Value;
            Assert.True(url.Length > 0, $"no loopback URL in: {line}");
            using var http = new HttpClient();
            var runs = await http.GetStringAsync(url + "api/runs");
            Assert.Contains("\"scenario\":\"dealer-single\"", runs);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        Assert.DoesNotContain("warning", await process.StandardError.ReadToEndAsync());

        using var open = CliRunner.Start(dir.Path, "serve", "--port", "0", "--host", "0.0.0.0");
        try
        {
            var warning = await open.StandardError.ReadLineAsync();
            Assert.Contains("warning: listening on 0.0.0.0, not loopback", warning);
        }
        finally
        {
            open.Kill(entireProcessTree: true);
            open.WaitForExit();
        }
    }

    [Fact]
    public void RunLive_ServesTheDashboardDuringTheRun_PublishesFrames_AndWritesTheSameFolder()
    {
        using var dir = new TempDir();
        var live = CliRunner.Run(dir.Path, "run", "dealer-competition", "--set", "clients.count=5000", "--live", "--port", "0", "--out", Path.Combine(dir.Path, "live"));
        Assert.True(live.ExitCode == 0, live.Stderr);
        Assert.Matches(@"live dashboard: http://127\.0\.0\.1:\d+/#/live", live.Stdout);
        var frames = int.Parse(Regex.Match(live.Stdout, @"live: (\d+) frames published").Groups[1].Value);
        Assert.True(frames >= 1);
        var plain = CliRunner.Run(dir.Path, "run", "dealer-competition", "--set", "clients.count=5000", "--out", Path.Combine(dir.Path, "plain"));
        Assert.Equal(0, plain.ExitCode);
        foreach (var file in Directory.GetFiles(Path.Combine(dir.Path, "plain")))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(dir.Path, "live", Path.GetFileName(file))));
    }
}
