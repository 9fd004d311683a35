using System.Globalization;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Quoting;
using LiquidityLab.Scenarios.Schema;
using LiquidityLab.Scenarios.Schema.Dealer;
using LiquidityLab.Scenarios.Schema.Quoting;

namespace LiquidityLab.Scenarios.Running;

/// <summary>Where a run writes and how it reports progress.</summary>
/// <param name="OutDir">The run folder; default runs/NAME-seedSEED under the working directory.</param>
/// <param name="Live">Where the runner publishes the run as it goes (<c>liqlab run --live</c>), or null.</param>
/// <param name="SkipBadRows">Market-data files: skip and count bad rows instead of stopping at the first.</param>
public sealed record RunOptions(string? OutDir = null, IProgress<double>? Progress = null, CancellationToken Cancel = default,
    ILiveFeed? Live = null, bool SkipBadRows = false);

/// <summary>
/// One headline number of a run, under a flat key that is stable across runs of the same kind
/// (e.g. <c>MM1.total_pnl</c>): what sweeps tabulate and the results store records.
/// </summary>
public readonly record struct RunMetric(string Key, double Value);

/// <summary>What a runner hands back: the table the CLI prints, the notes and the headline metrics.</summary>
public sealed record RunResult(TableBlock Headline, IReadOnlyList<string> Notes, IReadOnlyList<RunMetric> Metrics);

/// <summary>What the CLI shows after a run: where it went and the headline metrics.</summary>
public sealed record RunOutcome(string Folder, TableBlock Headline, IReadOnlyList<string> Notes, IReadOnlyList<string> Files,
    IReadOnlyList<RunMetric> Metrics);

/// <summary>Runs a loaded scenario of any kind into a run folder.</summary>
public static class ScenarioRunner
{
    public const string ResolvedScenarioFile = "scenario.yaml";

    public static string DefaultFolder(Scenario scenario) =>
        Path.Combine("runs", $"{scenario.Name}-seed{scenario.Seed.ToString(CultureInfo.InvariantCulture)}");

    public static RunOutcome Run(LoadedScenario loaded, RunOptions options)
    {
        using var folder = RunFolder.Create(options.OutDir ?? DefaultFolder(loaded.Scenario));
        File.WriteAllText(folder.PathOf(ResolvedScenarioFile), loaded.ResolvedYaml);
        RunResult result;
        string[] files;
        try
        {
            result = loaded.Scenario switch
            {
                DealerScenario dealer => DealerRunner.Run(dealer, folder, options),
                OptimalQuotingScenario quoting => OptimalQuotingRunner.Run(quoting, folder, options),
                Schema.Alpha.AlphaScenario alpha => Alpha.AlphaRunner.Run(alpha, folder, options),
                Schema.Alpha.AlphaPortfolioScenario portfolio => Alpha.AlphaPortfolioRunner.Run(portfolio, folder, options),
                Schema.OrderDriven.OrderDrivenScenario orderDriven => OrderDriven.OrderDrivenRunner.Run(orderDriven, folder, options),
                _ => throw new NotSupportedException($"scenario kind {loaded.Scenario.GetType().Name} has no runner"),
            };
            files = Directory.GetFiles(folder.Staging).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
            folder.Commit();
        }
        catch (OperationCanceledException)
        {
            options.Live?.Finished("cancelled", "interrupted");
            throw;
        }
        catch (Exception e)
        {
            options.Live?.Finished("failed", e.Message);
            throw;
        }
        options.Live?.Finished("done");
        return new RunOutcome(folder.Target, result.Headline, result.Notes, files, result.Metrics);
    }
}
