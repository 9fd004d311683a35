using System.CommandLine;
using System.Diagnostics;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Alpha;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Simulation.Alpha;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab bench alpha</c>: bars per second of the alpha bar loop (signals, quotes, risk, fills) on alpha-gbm-day stretched to many days.</summary>
internal static class AlphaBench
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "GBM days of 390 bars", DefaultValueFactory = _ => 500 };
        var repeat = new Option<int>("--repeat") { Description = "timed runs (the best is reported)", DefaultValueFactory = _ => 5 };
        var cmd = new Command("alpha", "Alpha bar loop speed: the alpha-gbm-day set-up (4 signals, confidence, risk manager, partial fills) over DAYS × 390 bars; data generated once, not timed")
            { days, repeat };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            if (parse.GetValue(days) < 1) return CliErrors.Input("--days must be >= 1");
            if (parse.GetValue(repeat) < 1) return CliErrors.Input("--repeat must be >= 1");
            TableOutput.Prepare();
            var s = (AlphaScenario)ScenarioLoader.Load("alpha-gbm-day", [$"market_data.days={parse.GetValue(days)}"]).Scenario;
            var data = AlphaRunner.LoadData(s, false);
            var setup = AlphaRunner.ToSetup(s, data.Bars);
            AlphaSimulation.Run(setup with { Bars = data.Bars.Take(10_000).ToArray() }, 1); // warm-up
            double best = double.MaxValue, bestSummary = double.MaxValue;
            AlphaRunResult? result = null;
            for (var r = 0; r < parse.GetValue(repeat); r++)
            {
                var clock = Stopwatch.StartNew();
                result = AlphaSimulation.Run(setup, (ulong)s.Seed);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                AlphaAnalysis.Summarise(s, data.Description, data.BarsPerDay, 0, result, []);
                bestSummary = Math.Min(bestSummary, clock.Elapsed.TotalMilliseconds);
            }
            var bars = data.Bars.Count;
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"alpha loop: {bars:N0} bars, best of {parse.GetValue(repeat)}"))
                .AddColumns("loop ms", "bars/s", "ns/bar", "analysis ms", "executions");
            table.AddRow(best.ToString("0.0"), (bars / (best / 1000)).ToString("N0"), (best * 1e6 / bars).ToString("0"), bestSummary.ToString("0.0"),
                result!.Executions.Count.ToString("N0"));
            CliHost.Out.Write(table);
            return CliHost.Ok;
        }));
        return cmd;
    }
}
