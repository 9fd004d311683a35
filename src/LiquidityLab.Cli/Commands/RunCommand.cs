using System.CommandLine;
using System.Diagnostics;
using LiquidityLab.Results;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab run FILE [--seed N] [--set k=v ...] [--out DIR] [--tag T ...] [--store PATH | --no-store] [--live [--port N]]</c>:
/// runs a scenario into a run folder and records it in the results store (by default <c>liqlab.db</c>
/// beside the run folder, in its parent).
/// </summary>
internal static class RunCommand
{
    public static Option<string[]> SetOption() => new("--set")
    {
        Description = "override a scenario key, e.g. --set makers[0].quoting.spread=0.1 (repeatable)",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "scenario YAML file, or the name of a bundled scenario (see 'liqlab scenarios')" };
        var seed = new Option<long?>("--seed") { Description = "run seed (replaces the scenario's)" };
        var set = SetOption();
        var outDir = new Option<string?>("--out") { Description = "run folder (default runs/NAME-seedSEED)" };
        var tags = new Option<string[]>("--tag") { Description = "label the run in the results store (repeatable)", Arity = ArgumentArity.ZeroOrMore };
        var store = new Option<string?>("--store") { Description = $"results store to record the run in (default {ResultsStore.FileName} in the run folder's parent, e.g. runs/{ResultsStore.FileName})" };
        var noStore = new Option<bool>("--no-store") { Description = "do not record the run in a results store" };
        var skipBadRows = SkipBadRowsOption();
        var live = new Option<bool>("--live") { Description = "watch the run in the browser: serve the dashboard on 127.0.0.1 and stream the simulation to it" };
        var port = ServeCommand.PortOption(ServeCommand.DefaultPort);
        var cmd = new Command("run", "Run a scenario, write its run folder (scenario, CSVs, summary, report) and record it in the results store")
        {
            file, seed, set, outDir, tags, store, noStore, skipBadRows, live, port,
        };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            if (parse.GetValue(noStore) && parse.GetValue(store) != null) return CliErrors.Input("--store and --no-store cannot be used together");
            var loaded = ScenarioLoader.Load(parse.GetValue(file)!, parse.GetValue(set), parse.GetValue(seed));
            var target = parse.GetValue(outDir) ?? ScenarioRunner.DefaultFolder(loaded.Scenario);
            using var recorder = parse.GetValue(noStore)
                ? null
                : RunRecorder.Start(parse.GetValue(store) ?? ResultsStore.DefaultPathFor(target), loaded, parse.GetValue(tags) ?? []);
            var cancel = CliHost.CancelOnCtrlC();
            using var dashboard = parse.GetValue(live) ? LiveDashboard.Start(recorder?.StorePath, parse.GetValue(port)) : null;
            var clock = Stopwatch.StartNew();
            RunOutcome outcome;
            try
            {
                outcome = RunWithProgress(loaded, target, cancel, parse.GetValue(skipBadRows), dashboard?.Feed);
            }
            catch (OperationCanceledException)
            {
                recorder?.Ended(RunStatus.Cancelled, "interrupted");
                throw;
            }
            catch (Exception e)
            {
                recorder?.Ended(RunStatus.Failed, e.Message);
                throw;
            }
            clock.Stop();
            StoreException? storeError = null;
            try
            {
                recorder?.Done(outcome);
            }
            catch (StoreException e)
            {
                storeError = e; // the run folder is complete: report, never undo it
            }

            var headline = outcome.Headline;
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{loaded.Scenario.Name} (seed {loaded.Scenario.Seed})"));
            foreach (var h in headline.Headers) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
            foreach (var row in headline.Rows) table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
            CliHost.Out.Write(table);
            foreach (var note in outcome.Notes) CliHost.Out.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
            CliHost.Out.MarkupLine($"wrote [bold]{Markup.Escape(outcome.Folder)}[/] ({string.Join(", ", outcome.Files)}) in {clock.Elapsed.TotalSeconds:0.00} s");
            if (storeError != null)
            {
                Console.Error.WriteLine($"error: the run folder {outcome.Folder} is complete, but recording it in the results store failed: {storeError.Message}");
                return CliHost.Failure;
            }
            if (recorder != null) CliHost.Out.MarkupLine($"recorded as run [bold]{recorder.Id}[/] in {Markup.Escape(recorder.StorePath)}");
            dashboard?.AfterRun(recorder?.Id, cancel);
            return CliHost.Ok;
        }));
        return cmd;
    }

    /// <summary>Market-data files: skip and count bad rows instead of stopping at the first one.</summary>
    public static Option<bool> SkipBadRowsOption() => new("--skip-bad-rows")
    {
        Description = "market data: skip bad rows (unparseable numbers, time not increasing, negative prices) and report how many, instead of stopping at the first",
    };

    private static RunOutcome RunWithProgress(LoadedScenario loaded, string? outDir, CancellationToken cancel, bool skipBadRows, ILiveFeed? live)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
            return ScenarioRunner.Run(loaded, new RunOptions(outDir, null, cancel, live, skipBadRows));
        RunOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(loaded.Scenario.Name), maxValue: 1.0);
                outcome = ScenarioRunner.Run(loaded, new RunOptions(outDir, new SyncProgress(task), cancel, live, skipBadRows));
                task.Value = 1.0;
            });
        return outcome!;
    }

    // Progress<T> posts to a captured context; the bar only needs the latest value, set directly.
    private sealed class SyncProgress(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
