namespace LiquidityLab.Cli.Tests.Commands;

public class SweepCommandTests
{
    private static readonly string[] SweepFiles = ["report.html", "sweep.csv", "sweep.json", "sweep.yaml"];

    [Fact]
    public void Sweep_BundledSweep_WritesTheSweepFolder_AndARerunReusesEveryCase()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "sweep", "dealer-spread-sweep", "--set", "clients.count=100", "--parallel", "2");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("9 cases: 9 run, 0 reused", r.Stdout);
        Assert.Contains("MM1.total_pnl", r.Stdout);
        var folder = Path.Combine(dir.Path, "runs", "dealer-spread-sweep-sweep-seed42");
        foreach (var f in SweepFiles) Assert.True(File.Exists(Path.Combine(folder, f)), $"{f} is missing");
        Assert.Equal(9, Directory.GetDirectories(Path.Combine(folder, "cases")).Length);
        Assert.Equal(10, File.ReadAllLines(Path.Combine(folder, "sweep.csv")).Length);
        Assert.True(File.Exists(Path.Combine(folder, "cases", "005-spread=0.05-volatility=0.3", "report.html")));

        var again = CliRunner.Run(dir.Path, "sweep", "dealer-spread-sweep", "--set", "clients.count=100", "--parallel", "1");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("9 cases: 0 run, 9 reused", again.Stdout);
    }

    [Fact]
    public void InvalidSweep_ExitsWithCode2_NamesTheSweptValue_AndWritesNothing()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllText(file, """
            name: bad
            kind: dealer
            mid: { process: { kind: abm, volatility: 0.3 } }
            clients: { count: 10 }
            makers:
              - { name: MM1, quoting: { kind: fixed, spread: 0.05 } }
            sweep:
              grid:
                makers[0].quoting.spread: [0.02, 0.05, -1]
            """);
        var r = CliRunner.Run(dir.Path, "sweep", file, "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.yaml: sweep.grid.makers[0].quoting.spread[2]", r.Stderr);
        Assert.Contains("value -1", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.Empty(Directory.GetDirectories(dir.Path));

        var unknown = CliRunner.Run(dir.Path, "sweep", "dealer-spread-sweep", "--set", "clients.cuont=5");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("clients.cuont", unknown.Stderr);
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Run_OnASweepFile_ExitsWithCode2_AndPointsAtLiqlabSweep()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "run", "dealer-spread-sweep");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("liqlab sweep", r.Stderr);
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Sweep_OnAFileWithoutASweepBlock_OrANegativeParallel_ExitsWithCode2()
    {
        using var dir = new TempDir();
        var plain = CliRunner.Run(dir.Path, "sweep", "dealer-single");
        Assert.Equal(2, plain.ExitCode);
        Assert.Contains("no sweep: block", plain.Stderr);
        Assert.Equal(2, CliRunner.Run(dir.Path, "sweep", "dealer-spread-sweep", "--parallel", "-1").ExitCode);
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Validate_ChecksEveryCaseOfASweep()
    {
        using var dir = new TempDir();
        var ok = CliRunner.Run(dir.Path, "validate", "dealer-spread-sweep");
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("sweep 'dealer-spread-sweep' of 9 cases", ok.Stdout);
        var printed = CliRunner.Run(dir.Path, "validate", "dealer-spread-sweep", "--print");
        Assert.Contains("sweep:", printed.Stdout);
        Assert.Contains("tick_size: 0.01", printed.Stdout);
        var worse = CliRunner.Run(dir.Path, "validate", "dealer-spread-sweep", "--set", "makers[0].inventory_limit=0");
        Assert.Equal(2, worse.ExitCode);
        Assert.Contains("makers[0].inventory_limit", worse.Stderr);
    }

    [Fact]
    public void Scenarios_ListsTheBundledSweep_WithItsCaseCount()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "scenarios", "--json");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("\"dealer-spread-sweep\"", r.Stdout);
        Assert.Contains("\"sweep_cases\": 9", r.Stdout);
        var table = CliRunner.Run(dir.Path, "scenarios");
        Assert.Contains("dealer sweep (9 cases)", table.Stdout);
    }
}
