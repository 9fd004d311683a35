using System.CommandLine;
using System.Diagnostics;
using System.Runtime.Intrinsics;
using LiquidityLab.Simulation.MonteCarlo;
using LiquidityLab.Strategies.Optimal;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab bench mc</c>: path-steps per second of the Monte Carlo engine on the Avellaneda–Stoikov study.</summary>
internal static class MonteCarloBench
{
    public static Command Create()
    {
        var paths = new Option<int>("--paths") { Description = "paths per run", DefaultValueFactory = _ => 100_000 };
        var steps = new Option<int>("--steps") { Description = "steps per path", DefaultValueFactory = _ => 200 };
        var repeat = new Option<int>("--repeat") { Description = "timed runs per case (the best is reported)", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads") { Description = "threads for the parallel case (0 = all cores)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("mc",
            "Monte Carlo engine speed: Avellaneda–Stoikov (γ = 0.1, the paper's A, k, σ) over PATHS × STEPS, on one thread and on all cores, " +
            "with the paper's ±σ√dt mid and with a Gaussian mid")
            { paths, steps, repeat, threads };
        cmd.SetAction(parse => Run(parse.GetValue(paths), parse.GetValue(steps), parse.GetValue(repeat), parse.GetValue(threads)));
        return cmd;
    }

    private static int Run(int paths, int steps, int repeat, int threads)
    {
        if (paths <= 0) return CliErrors.Input($"--paths {paths}: must be >= 1");
        if (steps <= 0) return CliErrors.Input($"--steps {steps}: must be >= 1");
        if (repeat <= 0) return CliErrors.Input($"--repeat {repeat}: must be >= 1");
        if (threads < 0) return CliErrors.Input($"--threads {threads}: must be >= 0");
        TableOutput.Prepare();
#if DEBUG
        AnsiConsole.MarkupLine("[yellow]warning: Debug build; measure with -c Release[/]");
#endif
        var all = threads > 0 ? threads : Environment.ProcessorCount;
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"Monte Carlo: AS γ=0.1, {paths:N0} paths × {steps:N0} steps, {Vector512<double>.Count} lanes/vector, best of {repeat}"))
            .AddColumns("mid", "threads", "wall ms", "M path-steps/s", "CPU ms", "M path-steps/CPU-s", "mean PnL");
        foreach (var innovation in new[] { Innovation.Binomial, Innovation.Normal })
        foreach (var t in all == 1 ? new[] { 1 } : new[] { 1, all })
        {
            var setup = new MonteCarloSetup(new MidModelSpec(100, MidFamily.Linear, innovation, [new MidRegime("calm", 0, 2)]),
                new FillModelSpec(140, 1.5), 1.0, steps, paths);
            var strategy = new AvellanedaStoikov(0.1, 1.5);
            QuotingMonteCarlo.Run(setup with { Paths = Math.Min(paths, 4096) }, strategy, 1, t); // warm-up
            double best = double.MaxValue, bestCpu = double.MaxValue;
            MonteCarloResult? result = null;
            using var process = Process.GetCurrentProcess();
            for (var r = 0; r < repeat; r++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = QuotingMonteCarlo.Run(setup, strategy, 1, t);
                best = Math.Min(best, clock.Elapsed.TotalMilliseconds);
                process.Refresh();
                bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalMilliseconds);
            }
            var work = (double)paths * steps / 1e6;
            table.AddRow(innovation == Innovation.Binomial ? "±σ√dt (paper)" : "Gaussian", t.ToString(), best.ToString("0.0"),
                (work / (best / 1000)).ToString("0"), bestCpu.ToString("0"), (work / (bestCpu / 1000)).ToString("0"),
                result!.MeanPnl[^1].ToString("0.00"));
        }
        CliHost.Out.Write(table);
        return CliHost.Ok;
    }
}
