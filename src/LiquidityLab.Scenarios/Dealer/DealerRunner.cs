using System.Text.Json;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Schema.Dealer;
using LiquidityLab.Simulation.Dealer;

namespace LiquidityLab.Scenarios.Dealer;

/// <summary>Turns a dealer scenario into a simulation, runs it, and writes the run folder's files.</summary>
internal static class DealerRunner
{
    private const int ReportPoints = 4000;

    internal static readonly JsonSerializerOptions SummaryJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static DealerMarketSetup ToSetup(DealerScenario s)
    {
        var steps = s.Clients.Count;
        var recordEvery = s.Output.RecordEvery > 0 ? s.Output.RecordEvery : (int)Math.Max(1, (steps + 9_999) / 10_000);
        return new DealerMarketSetup(
            s.Instrument.ToInstrument(),
            s.Mid.Initial,
            s.Mid.Process!.ToProcess(),
            steps,
            s.Clients.Rate,
            s.Clients.BuyProbability,
            s.Clients.Size.ToDistribution(),
            s.Makers.Select(m => m.ToSetup()).ToArray(),
            recordEvery);
    }

    public static RunResult Run(DealerScenario scenario, RunFolder folder, RunOptions options)
    {
        var setup = ToSetup(scenario);
        var recordedRows = (setup.ClientCount + setup.RecordEvery - 1) / setup.RecordEvery;
        var reportEvery = setup.RecordEvery * Math.Max(1, (recordedRows + ReportPoints - 1) / ReportPoints);

        DealerRunResult result;
        List<DealerStepRecord> reportRows;
        using (var observer = new DealerCsvObserver(folder.PathOf("timeseries.csv"),
                   scenario.Output.Trades ? folder.PathOf("trades.csv") : null, reportEvery, setup.ClientCount))
        {
            IDealerRunObserver watched = observer;
            if (options.Live is { } live)
            {
                live.Started(new LiveRunInfo(scenario.Name, "dealer", scenario.Seed, setup.ClientCount / setup.ClientRate, "time"));
                watched = new DealerLiveObserver(observer, live, setup.Makers.Count, setup.ClientCount);
            }
            result = new DealerSimulation(setup).Run((ulong)scenario.Seed, watched, options.Progress, options.Cancel);
            reportRows = observer.ReportRows;
        }

        var summary = DealerSummary.Compute(scenario.Name, scenario.Seed, setup, result);
        File.WriteAllText(folder.PathOf("summary.json"), JsonSerializer.Serialize(summary, SummaryJson) + "\n");
        ReportFiles.Write(folder, DealerReport.Build(scenario, summary, reportRows));
        return new RunResult(DealerReport.Headline(summary), summary.Notes, DealerSummary.Metrics(summary));
    }
}
