using LiquidityLab.Scenarios.Sweeps;

namespace LiquidityLab.Scenarios.Tests.Sweeps;

/// <summary>A sweep is checked whole before anything runs; errors name the file, the key path in the sweep block and the value.</summary>
public class SweepValidationTests
{
    private static string Message(string sweep)
    {
        var e = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(SweepFiles.With(sweep), "test.yaml"));
        return string.Join("\n", e.Errors.Select(x => x.Format(e.ScenarioSource)));
    }

    [Fact]
    public void BadGridValue_IsReportedAtTheValuesOwnPath_WithTheValueAndWhatIsAllowed()
    {
        var msg = Message("""
            sweep:
              grid:
                makers[0].quoting.spread: [0.02, 0.05, -1]
                mid.process.volatility: [0.1, 0.3]
            """);
        Assert.Contains("test.yaml: sweep.grid.makers[0].quoting.spread[2]", msg);
        Assert.Contains("value -1", msg);
        Assert.Contains("must be > 0", msg);
        Assert.Single(msg.Split('\n')); // reported once, not once per case
    }

    [Fact]
    public void WrongTypeInANamedCase_IsReportedAtTheCasesKey()
    {
        var msg = Message("""
            sweep:
              cases:
                - name: calm
                  set: { mid.process.volatility: ten }
            """);
        Assert.Contains("test.yaml: sweep.cases[0].set.mid.process.volatility", msg);
        Assert.Contains("'ten'", msg);
        Assert.Contains("expected a number", msg);
    }

    [Fact]
    public void BadKeyPath_NamesTheSweptKey_AndWhyItCannotBeSet()
    {
        var msg = Message("""
            sweep:
              grid:
                makers[3].quoting.spread: [0.1]
            """);
        Assert.Contains("test.yaml: sweep.grid.makers[3].quoting.spread", msg);
        Assert.Contains("index 3 is out of range", msg);
    }

    [Fact]
    public void UnknownSchemaKeyInTheGrid_IsAnUnknownKeyError()
    {
        var msg = Message("""
            sweep:
              grid:
                makers[0].quoting.spreed: [0.1, 0.2]
            """);
        Assert.Contains("test.yaml: sweep.grid.makers[0].quoting.spreed[0]", msg);
        Assert.Contains("unknown key", msg);
    }

    [Theory]
    [InlineData("sweep:\n  grid:\n    clients.count: [10]\n  paralel: 2\n", "sweep.paralel", "allowed keys here: grid, cases, parallel")]
    [InlineData("sweep:\n  cases:\n    - { name: a, colour: red }\n", "sweep.cases[0].colour", "allowed keys here: name, set")]
    [InlineData("sweep:\n  grid:\n    clients.count: 10\n", "sweep.grid.clients.count", "expected a list")]
    [InlineData("sweep:\n  grid:\n    clients.count: [10]\n  parallel: -1\n", "sweep.parallel", "value -1")]
    [InlineData("sweep:\n  cases:\n    - { name: a }\n    - { name: a }\n", "sweep.cases[1].name", "must be unique")]
    [InlineData("sweep:\n  cases:\n    - { name: 'a b' }\n", "sweep.cases[0].name", "letters, digits")]
    [InlineData("sweep:\n  cases:\n    - { set: { clients.count: 5 } }\n", "sweep.cases[0].name", "missing required key")]
    [InlineData("sweep: {}\n", "sweep", "nothing to sweep")]
    [InlineData("sweep:\n  grid: { clients.count: [5, 6] }\n  cases:\n    - { name: a, set: { clients.count: 7 } }\n", "sweep.cases[0].set.clients.count", "also swept by sweep.grid")]
    [InlineData("sweep:\n  grid:\n    clients: [{count: 5}]\n    clients.count: [6]\n", "sweep.grid.clients.count", "inside clients, which the sweep also sets")]
    public void MalformedSweepBlock_IsAnError_NamingTheKey(string sweep, string path, string expected)
    {
        var msg = Message(sweep);
        Assert.Contains($"test.yaml: {path}", msg);
        Assert.Contains(expected, msg);
    }

    [Fact]
    public void ACrossKeyErrorOutsideTheSweptKeys_NamesTheCase()
    {
        var msg = Message("""
            sweep:
              grid:
                makers[0].hedge: [null, {threshold: 30}]
            """);
        Assert.Contains("test.yaml: makers[0].inventory_limit", msg);
        Assert.Contains("below the hedge threshold 30", msg);
        Assert.Contains("in sweep case 002-hedge=threshold_30", msg);
    }

    [Fact]
    public void RunLoader_RejectsASweepFile_PointingAtLiqlabSweep()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3), "test.yaml"));
        Assert.Contains("liqlab sweep", e.Message);
        Assert.Equal("sweep", e.Errors[0].Path);
    }

    [Fact]
    public void SweepLoader_RejectsAFileWithoutASweepBlock()
    {
        var e = Assert.Throws<ScenarioException>(() => SweepLoader.Parse(SweepFiles.Base, "test.yaml"));
        Assert.Contains("no sweep: block", e.Message);
    }

    [Fact]
    public void AnInvalidBase_IsReportedAsUsual()
    {
        var e = Assert.Throws<ScenarioException>(() =>
            SweepLoader.Parse(SweepFiles.With(SweepFiles.Grid2x3).Replace("count: 200", "count: -1"), "test.yaml"));
        Assert.Contains("test.yaml: clients.count", e.Message);
    }
}
