using System.CommandLine;
using System.Diagnostics;
using LiquidityLab.Scenarios.Optimization;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab optimize FILE [--seed N] [--set k=v ...] [--out DIR] [--trials N] [--skip-bad-rows]</c>: tunes
/// the keys of an alpha scenario's <c>optimize:</c> block, resuming from the folder's trials journal.
/// </summary>
internal static class OptimizeCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "alpha scenario YAML with an optimize: block, or the name of a bundled one" };
        var seed = new Option<long?>("--seed") { Description = "seed of every trial (replaces the scenario's)" };
        var set = RunCommand.SetOption();
        var outDir = new Option<string?>("--out") { Description = "optimisation folder (default runs/NAME-optimize-seedSEED); a journal there is resumed" };
        var trials = new Option<int?>("--trials") { Description = "trials for random and bayesian search (replaces optimize.trials)" };
        var skipBadRows = RunCommand.SkipBadRowsOption();
        var cmd = new Command("optimize", "Tune scenario parameters by grid, random or Bayesian search; in-sample and out-of-sample scores side by side")
            { file, seed, set, outDir, trials, skipBadRows };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            if (parse.GetValue(trials) is < 1) return CliErrors.Input("--trials must be >= 1");
            var loaded = OptimizeLoader.Load(parse.GetValue(file)!, parse.GetValue(set), parse.GetValue(seed));
            var options = new OptimizeRunOptions(parse.GetValue(outDir), parse.GetValue(skipBadRows), parse.GetValue(trials), null, CliHost.CancelOnCtrlC());
            var clock = Stopwatch.StartNew();
            OptimizeOutcome outcome;
            try
            {
                outcome = RunWithProgress(loaded, options);
            }
            catch (OperationCanceledException)
            {
                Console.Error.WriteLine("interrupted: finished trials are kept in the journal and reused when the optimisation runs again");
                return CliHost.Interrupted;
            }
            clock.Stop();
            var s = outcome.Summary;
            var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{s.Scenario}: {s.Method}, {s.Trials} trials, {s.Objective} ({s.Direction}), {s.Validation}"));
            var block = OptimizeReport.Table(s, s.Top.Take(5).ToArray(), "");
            foreach (var h in block.Headers) table.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
            foreach (var row in block.Rows) table.AddRow(row.Select(c => Markup.Escape(c)).ToArray());
            CliHost.Out.Write(table);
            foreach (var note in s.Notes) CliHost.Out.MarkupLine($"[yellow]note:[/] {Markup.Escape(note)}");
            CliHost.Out.MarkupLine($"{s.Trials} trials: {s.Trials - outcome.Reused} run, {outcome.Reused} reused from the journal");
            CliHost.Out.MarkupLine($"wrote [bold]{Markup.Escape(outcome.Folder)}[/] ({string.Join(", ", outcome.Files)}) in {clock.Elapsed.TotalSeconds:0.00} s");
            return CliHost.Ok;
        }));
        return cmd;
    }

    private static OptimizeOutcome RunWithProgress(LoadedOptimization loaded, OptimizeRunOptions options)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected) return OptimizeRunner.Run(loaded, options);
        OptimizeOutcome? outcome = null;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape($"{loaded.Scenario.Name}: optimise"), maxValue: 1.0);
                outcome = OptimizeRunner.Run(loaded, options with { Progress = new Fraction(task) });
                task.Value = 1.0;
            });
        return outcome!;
    }

    private sealed class Fraction(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
