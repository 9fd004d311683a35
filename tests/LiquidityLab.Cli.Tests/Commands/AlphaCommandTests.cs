namespace LiquidityLab.Cli.Tests.Commands;

public class AlphaCommandTests
{
    private const string Scenario = """
        name: csv-alpha
        kind: alpha
        market_data: { kind: csv, path: bars.csv, bars_per_day: 6 }
        signals: [ { kind: momentum, periods: 2 } ]
        quoting: { half_spread: 0.1 }
        """;

    private static void Write(TempDir dir)
    {
        File.WriteAllText(Path.Combine(dir.Path, "alpha.yaml"), Scenario);
        File.WriteAllText(Path.Combine(dir.Path, "bars.csv"), "time,mid\n1,100\n2,100.2\n3,oops\n4,100.1\n5,100.3\n6,100.2\n7,100.4\n");
    }

    [Fact]
    public void ABadRow_StopsTheRun_WithFileAndLine_Exit2_AndNoFolder()
    {
        using var dir = new TempDir();
        Write(dir);
        var r = CliRunner.Run(dir.Path, "run", "alpha.yaml", "--no-store");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: bars.csv:4: mid 'oops' is not a number (--skip-bad-rows skips such rows)", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "runs", "csv-alpha-seed1")));
    }

    [Fact]
    public void SkipBadRows_RunsAndSaysHowManyRowsItSkipped()
    {
        using var dir = new TempDir();
        Write(dir);
        var r = CliRunner.Run(dir.Path, "run", "alpha.yaml", "--no-store", "--skip-bad-rows");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("skipped 1 bad row(s)", r.Stdout.Replace("\n", " "));
        Assert.True(File.Exists(Path.Combine(dir.Path, "runs", "csv-alpha-seed1", "report.html")));
    }

    [Fact]
    public void Optimize_RunsTheBundledStudy_AndResumesIt()
    {
        using var dir = new TempDir();
        string[] args = ["optimize", "alpha-optimize", "--trials", "9", "--set", "market_data.days=2", "--out", "opt"];
        var first = CliRunner.Run(dir.Path, args);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("out-of-sample sharpe", first.Stdout);
        Assert.Contains("9 trials: 9 run, 0 reused", first.Stdout);
        var second = CliRunner.Run(dir.Path, args);
        Assert.Contains("9 trials: 0 run, 9 reused", second.Stdout);
        Assert.True(File.Exists(Path.Combine(dir.Path, "opt", "best.yaml")));
    }
}
