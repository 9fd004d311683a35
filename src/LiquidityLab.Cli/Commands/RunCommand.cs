using System.CommandLine;
using System.Diagnostics;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab run FILE [--seed N] [--set k=v ...] [--out DIR]</c>: runs a scenario into a run folder.</summary>
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
        var cmd = new Command("run", "Run a scenario and write its run folder (scenario, CSVs, summary, report)") { file, seed, set, outDir };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            var loaded = ScenarioLoader.Load(parse.GetValue(file)!, parse.GetValue(set), parse.GetValue(seed));
            var cancel = CliHost.CancelOnCtrlC();
            var clock = Stopwatch.StartNew();
            var outcome = RunWithProgress(loaded, parse.GetValue(outDir), cancel);
            clock.Stop();

            var headline = outcome.Headline;
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{loaded.Scenario.Name} (seed {loaded.Scenario.Seed})"));
            foreach (var h in headline.Headers) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
            foreach (var row in headline.Rows) table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
            CliHost.Out.Write(table);
            foreach (var note in outcome.Notes) CliHost.Out.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
            CliHost.Out.MarkupLine($"wrote [bold]{Markup.Escape(outcome.Folder)}[/] ({string.Join(", ", outcome.Files)}) in {clock.Elapsed.TotalSeconds:0.00} s");
            return CliHost.Ok;
        }));
        return cmd;
    }

    private static RunOutcome RunWithProgress(LoadedScenario loaded, string? outDir, CancellationToken cancel)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected)
            return ScenarioRunner.Run(loaded, new RunOptions(outDir, null, cancel));
        RunOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(loaded.Scenario.Name), maxValue: 1.0);
                outcome = ScenarioRunner.Run(loaded, new RunOptions(outDir, new SyncProgress(task), cancel));
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
