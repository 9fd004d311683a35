namespace LiquidityLab.Scenarios.Tests.Sweeps;

/// <summary>Small sweep files for the tests: a one-maker dealer market of 200 clients.</summary>
internal static class SweepFiles
{
    public const string Base = """
        name: t
        kind: dealer
        seed: 11
        mid:
          process:
            kind: abm
            volatility: 0.3
        clients:
          count: 200
        makers:
          - name: MM1
            quoting:
              kind: fixed
              spread: 0.05
            inventory_limit: 20
        """;

    public static string With(string sweep) => Base + "\n" + sweep;

    public const string Grid2x3 = """
        sweep:
          grid:
            makers[0].quoting.spread: [0.02, 0.05]
            mid.process.volatility: [0.1, 0.3, 1.0]
        """;
}
