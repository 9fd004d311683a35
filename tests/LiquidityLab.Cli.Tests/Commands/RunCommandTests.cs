namespace LiquidityLab.Cli.Tests.Commands;

public class RunCommandTests
{
    [Fact]
    public void Run_BundledScenarioByName_WritesTheRunFolder_AndPrintsTheSummary()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "run", "dealer-single", "--seed", "5", "--set", "clients.count=50");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("total PnL", r.Stdout);
        var folder = Path.Combine(dir.Path, "runs", "dealer-single-seed5");
        Assert.True(File.Exists(Path.Combine(folder, "report.html")));
        Assert.Contains("count: 50", File.ReadAllText(Path.Combine(folder, "scenario.yaml")));
    }

    [Fact]
    public void InvalidScenario_ExitsWithCode2_NamesTheProblem_AndWritesNothing()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "bad.yaml");
        File.WriteAllText(file, """
            name: bad
            kind: dealer
            mid: { process: { kind: abm, volatility: -1 } }
            clients: { count: 10 }
            makers:
              - { name: MM1, quoting: { kind: fixed, spread: 0.05 }, inventory_limit: 5, hedge: { threshold: 10 } }
            """);
        var r = CliRunner.Run(dir.Path, "run", file, "--out", Path.Combine(dir.Path, "out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("bad.yaml: mid.process.volatility", r.Stderr);
        Assert.Contains("bad.yaml: makers[0].inventory_limit", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "out")));
        Assert.Empty(Directory.GetDirectories(dir.Path));
    }

    [Fact]
    public void Validate_AcceptsAGoodScenario_AndRejectsABadOverride()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, "validate", "dealer-competition").ExitCode);
        var bad = CliRunner.Run(dir.Path, "validate", "dealer-competition", "--set", "makers[0].inventory_limit=zero");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("makers[0].inventory_limit", bad.Stderr);
    }

    [Fact]
    public void UnknownScenario_AndUnknownOption_ExitWithCode2()
    {
        using var dir = new TempDir();
        var missing = CliRunner.Run(dir.Path, "run", "no-such-thing");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file", missing.Stderr);
        Assert.Equal(2, CliRunner.Run(dir.Path, "run", "dealer-single", "--bogus").ExitCode);
    }

    [Fact]
    public void Scenarios_ListsEveryBundledScenario()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "scenarios", "--json");
        Assert.Equal(0, r.ExitCode);
        foreach (var name in new[] { "dealer-single", "dealer-hedging", "dealer-competition", "dealer-large" })
            Assert.Contains($"\"{name}\"", r.Stdout);
    }
}
