using LiquidityLab.Scenarios.Schema.Dealer;

namespace LiquidityLab.Scenarios.Tests.Yaml;

/// <summary>Every kind of bad input gets an error naming the file, the key path, the value and what is allowed.</summary>
public class ScenarioValidationTests
{
    private const string Valid = """
        name: t
        kind: dealer
        mid:
          initial: 100
          process:
            kind: abm
            volatility: 0.3
        clients:
          count: 10
        makers:
          - name: MM1
            quoting:
              kind: fixed
              spread: 0.05
            inventory_limit: 20
            hedge:
              threshold: 10
        """;

    private static ScenarioException Fails(string yaml, params string[] overrides) =>
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(yaml, "test.yaml", overrides));

    private static string Message(ScenarioException e) => string.Join("\n", e.Errors.Select(x => x.Format(e.ScenarioSource)));

    [Fact]
    public void ValidScenario_Binds_WithDefaultsFilledIn()
    {
        var loaded = ScenarioLoader.Parse(Valid, "test.yaml");
        var s = Assert.IsType<DealerScenario>(loaded.Scenario);
        Assert.Equal(0.01m, s.Instrument.TickSize);
        Assert.Equal(1.0, s.Clients.Rate);
        Assert.Contains("tick_size: 0.01", loaded.ResolvedYaml);
        Assert.Contains("buy_probability: 0.5", loaded.ResolvedYaml);
    }

    [Fact]
    public void UnknownKey_IsAnError_ListingTheAllowedKeys()
    {
        var e = Fails(Valid.Replace("spread: 0.05", "spreed: 0.05"));
        var msg = Message(e);
        Assert.Contains("test.yaml: makers[0].quoting.spreed", msg);
        Assert.Contains("unknown key", msg);
        Assert.Contains("allowed keys here: spread", msg);
        Assert.Contains("line 14", msg);
    }

    [Fact]
    public void WrongType_NamesTheValueAndTheExpectedType()
    {
        var msg = Message(Fails(Valid.Replace("count: 10", "count: ten")));
        Assert.Contains("test.yaml: clients.count", msg);
        Assert.Contains("'ten'", msg);
        Assert.Contains("expected an integer", msg);
    }

    [Fact]
    public void NegativeVolatility_IsRejected_WithTheAllowedRange()
    {
        var msg = Message(Fails(Valid.Replace("volatility: 0.3", "volatility: -0.3")));
        Assert.Contains("test.yaml: mid.process.volatility", msg);
        Assert.Contains("value -0.3", msg);
        Assert.Contains("must be >= 0", msg);
    }

    [Fact]
    public void InventoryLimitBelowTheHedgeThreshold_IsRejected()
    {
        var msg = Message(Fails(Valid.Replace("inventory_limit: 20", "inventory_limit: 5")));
        Assert.Contains("test.yaml: makers[0].inventory_limit", msg);
        Assert.Contains("value 5", msg);
        Assert.Contains("below the hedge threshold 10", msg);
    }

    [Fact]
    public void MissingRequiredKey_IsNamed()
    {
        var msg = Message(Fails(Valid.Replace("  count: 10\n", "  rate: 2\n")));
        Assert.Contains("clients.count", msg);
        Assert.Contains("missing required key", msg);
    }

    [Fact]
    public void UnknownKind_ListsTheKindsThereAre()
    {
        var msg = Message(Fails(Valid.Replace("kind: abm", "kind: brownian")));
        Assert.Contains("mid.process.kind", msg);
        Assert.Contains("'brownian'", msg);
        Assert.Contains("abm, gbm, ou, regime", msg);
    }

    [Fact]
    public void ProbabilityOutOfRange_IsRejected()
    {
        var msg = Message(Fails(Valid.Replace("count: 10", "count: 10\n  buy_probability: 1.5")));
        Assert.Contains("clients.buy_probability", msg);
        Assert.Contains("must be >= 0 and <= 1", msg);
    }

    [Fact]
    public void SeveralErrors_AreAllReported()
    {
        var e = Fails(Valid.Replace("count: 10", "count: -1").Replace("spread: 0.05", "spread: 0"));
        Assert.Equal(2, e.Errors.Count);
    }

    [Fact]
    public void InvalidYaml_ReportsTheLine()
    {
        var msg = Message(Fails("name: t\nkind: [dealer\n"));
        Assert.Contains("not valid YAML", msg);
        Assert.Contains("line", msg);
    }

    [Fact]
    public void DuplicateMakerNames_AreRejected()
    {
        var yaml = Valid + "\n  - name: MM1\n    quoting: { kind: fixed, spread: 0.1 }\n";
        Assert.Contains("maker names must be unique", Message(Fails(yaml)));
    }

    [Fact]
    public void RegimeMatrix_MustMatchTheRegimes()
    {
        var yaml = Valid.Replace("""
                kind: abm
                volatility: 0.3
            """, """
                kind: regime
                regimes:
                  - { name: calm, process: { kind: abm, volatility: 1 } }
                  - { name: wild, process: { kind: abm, volatility: 5 } }
                switch_rates: [[0, 1]]
            """);
        var msg = Message(Fails(yaml));
        Assert.Contains("mid.process.switch_rates", msg);
        Assert.Contains("2x2 matrix", msg);
    }

    [Fact]
    public void SetOverride_IsValidatedLikeTheFile()
    {
        var msg = Message(Fails(Valid, "makers[0].quoting.spread=-1"));
        Assert.Contains("makers[0].quoting.spread", msg);
        Assert.Contains("value -1", msg);
    }

    [Fact]
    public void SetOverride_ChangesTheValue_AndCanAddSections()
    {
        var loaded = ScenarioLoader.Parse(Valid, "test.yaml", ["makers[0].quoting.spread=0.1", "output.trades=false", "clients.size={kind: fixed, lots: 3}"], seed: 99);
        var s = (DealerScenario)loaded.Scenario;
        Assert.Equal(0.1, ((FixedQuotingConfig)s.Makers[0].Quoting!).Spread);
        Assert.False(s.Output.Trades);
        Assert.Equal(99, s.Seed);
        Assert.Equal(3, ((LiquidityLab.Scenarios.Schema.FixedSizeConfig)s.Clients.Size).Lots);
    }

    [Fact]
    public void SetOverride_OutOfRangeIndex_IsAnError()
    {
        var msg = Message(Fails(Valid, "makers[3].name=x"));
        Assert.Contains("index 3 is out of range", msg);
    }

    [Fact]
    public void SetOverride_WithoutEquals_IsAnError()
    {
        Assert.Contains("expected key.path=value", Message(Fails(Valid, "makers")));
    }

    [Fact]
    public void NegativeSeed_IsRejected()
    {
        Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Valid, "test.yaml", seed: -1));
    }

    [Fact]
    public void MissingFile_IsAnError_ThatListsTheBundledScenarios()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load("no-such-scenario.yaml"));
        Assert.Contains("dealer-single", Message(e));
    }

    [Fact]
    public void ResolvedScenario_LoadsAgainToTheSameResolvedScenario()
    {
        foreach (var name in BundledScenarios.Names.Where(n => !Scenarios.Sweeps.SweepLoader.IsSweep(BundledScenarios.Read(n), n)
                     && !Scenarios.Optimization.OptimizeLoader.IsOptimization(BundledScenarios.Read(n), n)))
        {
            var first = ScenarioLoader.Load(name);
            var second = ScenarioLoader.Parse(first.ResolvedYaml, "resolved.yaml");
            Assert.Equal(first.ResolvedYaml, second.ResolvedYaml);
        }
    }
}

public class OverrideErrorTests
{
    private const string Valid = """
        name: t
        kind: dealer
        mid: { process: { kind: abm, volatility: 0.3 } }
        clients: { count: 10 }
        makers:
          - { name: MM1, quoting: { kind: fixed, spread: 0.05 }, inventory_limit: 20 }
        """;

    [Fact]
    public void AnErrorInASetValue_NamesTheKeyAndValue_WithoutAFileLineItDoesNotHave()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Parse(Valid, "t.yaml", ["makers[0].inventory_limit=-1"]));
        var msg = string.Join("\n", e.Errors.Select(x => x.Format(e.ScenarioSource)));
        Assert.Contains("t.yaml: makers[0].inventory_limit: value -1: not allowed: must be >= 1;", msg);
        Assert.DoesNotContain("line", msg);
        Assert.DoesNotContain("E+18", msg);
    }
}
