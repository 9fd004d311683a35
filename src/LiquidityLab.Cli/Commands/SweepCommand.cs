using System.CommandLine;
using System.Diagnostics;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Results;
using LiquidityLab.Scenarios.Sweeps;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab sweep FILE [--seed N] [--set k=v ...] [--out DIR] [--parallel N]</c>: runs every case of
/// a scenario's <c>sweep:</c> block into one sweep folder, reusing cases an earlier run finished.
/// </summary>
internal static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "scenario YAML file with a sweep: block, or the name of a bundled one" };
        var seed = new Option<long?>("--seed") { Description = "seed of every case (replaces the scenario's; the same for all cases)" };
        var set = RunCommand.SetOption();
        var outDir = new Option<string?>("--out") { Description = "sweep folder (default runs/NAME-sweep-seedSEED)" };
        var parallel = new Option<int?>("--parallel") { Description = "cases run at once (default: the sweep's parallel:, else one per core)" };
        var store = new Option<string?>("--store") { Description = $"results store to record every case in (default {ResultsStore.FileName} in the sweep folder's parent)" };
        var noStore = new Option<bool>("--no-store") { Description = "do not record the cases in a results store" };
        var cmd = new Command("sweep", "Run every case of a sweep and write the table of cases and a comparison report")
            { file, seed, set, outDir, parallel, store, noStore };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            if (parse.GetValue(parallel) is < 0) return CliErrors.Input("--parallel must be >= 0");
            if (parse.GetValue(noStore) && parse.GetValue(store) != null) return CliErrors.Input("--store and --no-store cannot be used together");
            var sweep = SweepLoader.Load(parse.GetValue(file)!, parse.GetValue(set), parse.GetValue(seed));
            var target = parse.GetValue(outDir) ?? SweepRunner.DefaultFolder(sweep);
            using var recorder = parse.GetValue(noStore)
                ? null
                : SweepRecorder.Open(parse.GetValue(store) ?? ResultsStore.DefaultPathFor(target), target, sweep.Source);
            var cancel = CliHost.CancelOnCtrlC();
            var options = new SweepRunOptions(target, parse.GetValue(parallel), null, cancel, Recorder: recorder);
            var clock = Stopwatch.StartNew();
            SweepOutcome outcome;
            try
            {
                outcome = RunWithProgress(sweep, options);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("interrupted: finished cases are kept and are reused when the sweep runs again");
                return CliHost.Interrupted;
            }
            clock.Stop();

            CliHost.Out.Write(ToTable(outcome.Summary, $"{sweep.Base.Scenario.Name} sweep (seed {sweep.Base.Scenario.Seed})"));
            var ran = outcome.Cases.Count - outcome.Reused;
            CliHost.Out.MarkupLine($"{outcome.Cases.Count} cases: {ran} run, {outcome.Reused} reused from an earlier run");
            CliHost.Out.MarkupLine($"wrote [bold]{Markup.Escape(outcome.Folder)}[/] ({string.Join(", ", outcome.Files)}) in {clock.Elapsed.TotalSeconds:0.00} s");
            if (recorder != null) CliHost.Out.MarkupLine($"recorded the cases as sweep [bold]{Markup.Escape(recorder.SweepId)}[/] in {Markup.Escape(recorder.StorePath)}");
            return CliHost.Ok;
        }));
        return cmd;
    }

    private static SweepOutcome RunWithProgress(LoadedSweep sweep, SweepRunOptions options)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected) return SweepRunner.Run(sweep, options);
        SweepOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"{sweep.Base.Scenario.Name}: {sweep.Cases.Count} cases"), maxValue: 1.0);
                outcome = SweepRunner.Run(sweep, options with { Fraction = new SweepFraction(task) });
                task.Value = 1.0;
            });
        return outcome!;
    }

    private static Table ToTable(TableBlock block, string title)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        for (var i = 0; i < block.Headers.Count; i++)
        {
            var column = new TableColumn(Markup.Escape(block.Headers[i]));
            table.AddColumn(i == 0 ? column : column.RightAligned());
        }
        foreach (var row in block.Rows) table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
        return table;
    }

    // Reported from worker threads and set directly (Progress<T> would post to a captured context); ProgressTask locks its own state.
    private sealed class SweepFraction(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
