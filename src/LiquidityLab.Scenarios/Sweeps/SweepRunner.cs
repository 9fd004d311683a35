using System.Globalization;
using System.Runtime.ExceptionServices;
using LiquidityLab.Analytics.Exports;
using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>Where a sweep writes, how many cases run at once, and how it reports progress.</summary>
/// <param name="OutDir">The sweep folder; default runs/NAME-sweep-seedSEED.</param>
/// <param name="Parallel">Cases run at once; null or 0 = the sweep's <c>parallel:</c>, or else one per processor core.</param>
/// <param name="Progress">Told of every finished case.</param>
/// <param name="Fraction">Told the share of the whole sweep done, 0 to 1, including the running cases' progress.</param>
/// <param name="Recorder">Told when each case starts and ends (the results store), or null.</param>
public sealed record SweepRunOptions(string? OutDir = null, int? Parallel = null, IProgress<SweepProgress>? Progress = null,
    CancellationToken Cancel = default, IProgress<double>? Fraction = null, ISweepRecorder? Recorder = null);

/// <summary>Reported once per finished case, from the thread that ran it.</summary>
public sealed record SweepProgress(SweepCase Case, bool Reused, int Done, int Total);

/// <summary>One finished case: its run folder and headline metrics (run now, or reused from an earlier run).</summary>
public sealed record SweepCaseResult(SweepCase Case, string Folder, IReadOnlyList<RunMetric> Metrics, bool Reused);

/// <summary>What the CLI shows after a sweep; <see cref="Cases"/> are in case order.</summary>
public sealed record SweepOutcome(string Folder, IReadOnlyList<SweepCaseResult> Cases, int Reused, IReadOnlyList<string> Files, TableBlock Summary);

/// <summary>
/// Runs every case of a sweep into <c>cases/CASE-ID/</c> (each an ordinary, atomically committed run
/// folder), then writes the tables and the comparison report. Cases run concurrently; every output
/// is in case order, so the files are byte-identical whatever the parallelism. A case whose folder
/// holds the same resolved scenario byte for byte and a readable <c>metrics.json</c> is reused, so an
/// interrupted sweep resumes where it stopped. Top-level files are written atomically.
/// </summary>
public static class SweepRunner
{
    public const string CasesFolder = "cases";
    public const string TableCsvFile = "sweep.csv";
    public const string TableJsonFile = "sweep.json";
    public const string SweepYamlFile = "sweep.yaml";
    public const string ReportFile = "report.html";

    public static string DefaultFolder(LoadedSweep sweep) =>
        Path.Combine("runs", $"{sweep.Base.Scenario.Name}-sweep-seed{sweep.Base.Scenario.Seed.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>Cases run at once: <paramref name="requested"/> if positive, else the sweep's <c>parallel:</c> if positive, else the core count.</summary>
    public static int Parallelism(LoadedSweep sweep, int? requested) =>
        requested is > 0 ? requested.Value : sweep.Definition.Parallel > 0 ? sweep.Definition.Parallel : Environment.ProcessorCount;

    public static SweepOutcome Run(LoadedSweep sweep, SweepRunOptions options)
    {
        if (options.Parallel is < 0) throw new ArgumentOutOfRangeException(nameof(options), "parallel must be >= 0");
        var folder = Path.GetFullPath((options.OutDir ?? DefaultFolder(sweep)).TrimEnd('/', '\\'));
        if (File.Exists(folder)) throw new IOException($"output path {folder} is a file, not a folder");
        var casesDir = Path.Combine(folder, CasesFolder);
        Directory.CreateDirectory(casesDir);
        AtomicFile.WriteAllText(Path.Combine(folder, SweepYamlFile), sweep.ResolvedYaml);

        var results = new SweepCaseResult[sweep.Cases.Count];
        var done = 0;
        var fractions = new CaseFractions(sweep.Cases.Count, options.Fraction);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Parallelism(sweep, options.Parallel), CancellationToken = options.Cancel };
        try
        {
            Parallel.For(0, sweep.Cases.Count, parallel, i =>
            {
                var c = sweep.Cases[i];
                results[i] = RunCase(c, Path.Combine(casesDir, c.Id), fractions.For(i), options);
                fractions.For(i)?.Report(1.0);
                options.Progress?.Report(new SweepProgress(c, results[i].Reused, Interlocked.Increment(ref done), sweep.Cases.Count));
            });
        }
        catch (AggregateException e)
        {
            var inner = e.Flatten().InnerExceptions;
            var failure = inner.FirstOrDefault(x => x is not OperationCanceledException);
            if (failure is null) throw new OperationCanceledException("the sweep was cancelled", e, options.Cancel);
            ExceptionDispatchInfo.Capture(failure).Throw();
        }

        AtomicFile.WriteText(Path.Combine(folder, TableCsvFile), w => SweepTable.WriteCsv(w, sweep, results));
        AtomicFile.WriteText(Path.Combine(folder, TableJsonFile), w => SweepTable.WriteJson(w, sweep, results));
        AtomicFile.WriteAllText(Path.Combine(folder, ReportFile), HtmlReportWriter.Render(SweepReport.Build(sweep, results)));
        return new SweepOutcome(folder, results, results.Count(r => r.Reused),
            [CasesFolder + "/", ReportFile, TableCsvFile, TableJsonFile, SweepYamlFile], SweepTable.Summary(sweep, results));
    }

    private static SweepCaseResult RunCase(SweepCase c, string folder, IProgress<double>? progress, SweepRunOptions options)
    {
        var cancel = options.Cancel;
        cancel.ThrowIfCancellationRequested();
        if (CaseMetrics.TryReuse(folder, c.Scenario.ResolvedYaml) is { } kept)
        {
            options.Recorder?.Reused(c, folder, kept);
            return new SweepCaseResult(c, folder, kept, Reused: true);
        }
        var record = options.Recorder?.Started(c);
        RunOutcome outcome;
        try
        {
            outcome = ScenarioRunner.Run(c.Scenario, new RunOptions(folder, progress, cancel));
            CaseMetrics.Write(folder, outcome.Metrics);
        }
        catch (OperationCanceledException)
        {
            record?.Ended(cancelled: true, "interrupted");
            throw;
        }
        catch (Exception e)
        {
            record?.Ended(cancelled: false, e.Message);
            throw;
        }
        record?.Done(outcome);
        return new SweepCaseResult(c, outcome.Folder, outcome.Metrics, Reused: false);
    }

    /// <summary>Each case's progress, summed into the sweep's; written from worker threads, read without a lock (display only).</summary>
    private sealed class CaseFractions(int count, IProgress<double>? total)
    {
        private readonly double[] _done = new double[count];

        public IProgress<double>? For(int index) => total is null ? null : new Case(this, index);

        private void Set(int index, double value)
        {
            Volatile.Write(ref _done[index], value);
            var sum = 0.0;
            for (var i = 0; i < _done.Length; i++) sum += Volatile.Read(ref _done[i]);
            total!.Report(Math.Min(1.0, sum / _done.Length));
        }

        private sealed class Case(CaseFractions owner, int index) : IProgress<double>
        {
            public void Report(double value) => owner.Set(index, value);
        }
    }
}
