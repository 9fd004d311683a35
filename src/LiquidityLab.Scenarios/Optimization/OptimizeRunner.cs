using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiquidityLab.Analytics.Exports;
using LiquidityLab.Optimization;
using LiquidityLab.Optimization.Search;
using LiquidityLab.Optimization.Validation;
using LiquidityLab.Scenarios.Alpha;
using LiquidityLab.Scenarios.Alpha.Data;
using LiquidityLab.Scenarios.Dealer;
using LiquidityLab.Scenarios.Yaml;

namespace LiquidityLab.Scenarios.Optimization;

public sealed record OptimizeRunOptions(string? OutDir = null, bool SkipBadRows = false, int? Trials = null, IProgress<double>? Progress = null, CancellationToken Cancel = default);

/// <summary>One trial as journaled and reported: values by key, scores, per-fold scores and why it failed, if it did.</summary>
public sealed record TrialRecord(int Index, IReadOnlyList<double> Values, double? InSample, double? OutOfSample,
    IReadOnlyList<double?> TrainScores, IReadOnlyList<double?> TestScores, string? Error);

public sealed record OptimizeOutcome(string Folder, OptimizeSummary Summary, int Reused, IReadOnlyList<string> Files);

/// <summary>The contents of summary.json of an optimisation.</summary>
public sealed record OptimizeSummary(string Scenario, long Seed, string Method, string Objective, string Direction, string Validation,
    IReadOnlyList<string> Folds, IReadOnlyList<string> Parameters, int Trials, TrialRecord? Best, IReadOnlyList<TrialRecord> Top, IReadOnlyList<string> Notes);

/// <summary>
/// Runs an optimisation into a folder that persists between runs: every finished trial is appended to
/// trials.jsonl at once, and a restart with the same set-up (the journal's first line holds a hash of
/// the resolved scenario and optimize block) reuses each journaled trial whose values match what the
/// search proposes, so an interrupted optimisation continues where it stopped, to the same result.
/// The report files (trials.csv, summary.json, best.yaml, report.html) are written atomically at the end.
/// Scores are the objective on each fold's bars, in sample (train) and out of sample (test); the
/// search sees only the in-sample mean. All trials share the seed: the same data and fill draws.
/// </summary>
public static class OptimizeRunner
{
    public const string Journal = "trials.jsonl";

    private static readonly JsonSerializerOptions Line = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static string DefaultFolder(LoadedOptimization o) =>
        Path.Combine("runs", $"{o.Scenario.Name}-optimize-seed{o.Scenario.Seed.ToString(CultureInfo.InvariantCulture)}");

    public static OptimizeOutcome Run(LoadedOptimization o, OptimizeRunOptions options)
    {
        var def = o.Definition;
        var s = o.Scenario;
        var folder = Path.GetFullPath(options.OutDir ?? DefaultFolder(o));
        Directory.CreateDirectory(folder);
        var data = AlphaRunner.LoadData(s, options.SkipBadRows);
        var folds = def.Validation.Mode switch
        {
            ValidationMode.None => Folds.InSampleOnly(data.Bars.Count),
            ValidationMode.Split => Folds.TrainTest(data.Bars.Count, def.Validation.TrainFraction),
            _ => Folds.WalkForward(data.Bars.Count, def.Validation.Folds, def.Validation.TrainBlocks),
        };
        var space = new ParameterSpace(def.Parameters.Select(p => new Parameter(p.Key, p.Min, p.Max, p.Log, p.Integer)).ToArray());
        var budget = options.Trials ?? def.Trials;
        ISearch search = def.Method switch
        {
            OptimizeMethod.Grid => new GridSearch(space, def.GridPoints),
            OptimizeMethod.Random => new RandomSearch(space, budget, (ulong)s.Seed),
            _ => new BayesianSearch(space, budget, Math.Min(def.Initial, budget), (ulong)s.Seed),
        };

        var notes = new List<string>();
        var fingerprint = Fingerprint(o.ResolvedYaml);
        var journalPath = Path.Combine(folder, Journal);
        var remembered = ReadJournal(journalPath, fingerprint, notes);
        if (remembered is null)
        {
            AtomicFile.WriteAllText(journalPath, JsonSerializer.Serialize(new { fingerprint }) + "\n");
            remembered = [];
        }
        if (data.SkippedRows > 0) notes.Add($"skipped {data.SkippedRows:N0} bad row(s) of the market data (--skip-bad-rows); the first: {data.FirstSkipped}");

        var records = new List<TrialRecord>();
        var reused = 0;
        using (var journal = new StreamWriter(journalPath, append: true, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            Optimizer.Run(search, (i, values) =>
            {
                TrialRecord record;
                if (remembered.TryGetValue(i, out var old) && old.Values.SequenceEqual(values))
                {
                    record = old;
                    reused++;
                }
                else
                {
                    record = Evaluate(o, data, folds, i, values, options.Cancel);
                    journal.WriteLine(JsonSerializer.Serialize(record, Line));
                    journal.Flush();
                }
                records.Add(record);
                return new TrialScores(record.InSample ?? double.NaN, record.OutOfSample ?? double.NaN);
            }, options.Progress, options.Cancel);
        }

        var failed = records.Count(r => r.Error != null);
        if (failed > 0) notes.Add($"{failed} trial(s) could not be scored (an invalid combination, or an undefined objective); see trials.csv");
        var best = records.Where(r => r.InSample is not null).OrderByDescending(r => r.InSample).ThenBy(r => r.Index).FirstOrDefault();
        var summary = new OptimizeSummary(s.Name, s.Seed, search.Name, def.Objective, ScenarioNaming.EnumName(def.Direction),
            ScenarioNaming.EnumName(def.Validation.Mode), folds.Select(f => $"train {f.Train}" + (f.Test is { } t ? $", test {t}" : "")).ToArray(),
            def.Parameters.Select(p => p.Key).ToArray(), records.Count, best,
            records.Where(r => r.InSample is not null).OrderByDescending(r => r.InSample).ThenBy(r => r.Index).Take(10).ToArray(), notes);

        AtomicFile.WriteAllText(Path.Combine(folder, "summary.json"), JsonSerializer.Serialize(summary, DealerRunner.SummaryJson) + "\n");
        AtomicFile.WriteText(Path.Combine(folder, "trials.csv"), w => WriteTrials(w, def, folds, records));
        if (best != null)
        {
            var (scenario, _) = o.Trial(best.Values);
            AtomicFile.WriteAllText(Path.Combine(folder, "best.yaml"), ScenarioYamlWriter.Write(scenario!));
        }
        AtomicFile.WriteAllText(Path.Combine(folder, "report.html"), Analytics.Reports.HtmlReportWriter.Render(OptimizeReport.Build(o, summary, records)));
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => !f!.StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        return new OptimizeOutcome(folder, summary, reused, files!);
    }

    private static TrialRecord Evaluate(LoadedOptimization o, MarketData data, IReadOnlyList<Fold> folds, int index, double[] values, CancellationToken cancel)
    {
        var (scenario, error) = o.Trial(values);
        if (scenario is null) return new TrialRecord(index, values, null, null, [], [], error);
        var sign = o.Definition.Direction == OptimizeDirection.Maximize ? 1 : -1;
        var train = new double?[folds.Count];
        var test = new double?[folds.Count];
        var problems = new string?[folds.Count];
        // folds are independent runs on their own bars: in parallel, each result in its own slot
        Parallel.For(0, folds.Count, new ParallelOptions { CancellationToken = cancel }, k =>
        {
            train[k] = Score(folds[k].Train, k);
            if (folds[k].Test is { } t) test[k] = Score(t, k);
        });
        var problem = problems.FirstOrDefault(p => p != null);
        double? Score(BarRange r, int k)
        {
            var bars = data.Bars.Skip(r.Start).Take(r.Length).ToArray();
            var (_, summary) = AlphaRunner.Evaluate(scenario, data, bars, cancel);
            var metric = summary.Metrics().Where(m => m.Key == o.Definition.Objective).Select(m => (double?)m.Value).FirstOrDefault();
            if (metric is null) problems[k] ??= $"objective {o.Definition.Objective} undefined on bars {r}";
            return metric * sign;
        }
        double? Mean(double?[] xs) => xs.Length > 0 && xs.All(x => x.HasValue) ? xs.Average(x => x!.Value) : null;
        var hasTest = folds.Any(f => f.Test != null);
        return new TrialRecord(index, values, Mean(train), hasTest ? Mean(test) : null, train, hasTest ? test : [], problem);
    }

    private static Dictionary<int, TrialRecord>? ReadJournal(string path, string fingerprint, List<string> notes)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        try
        {
            if (lines.Length == 0 || JsonDocument.Parse(lines[0]).RootElement.GetProperty("fingerprint").GetString() != fingerprint)
            {
                notes.Add($"{Journal} was written for a different scenario or optimize block: started afresh");
                return null;
            }
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            notes.Add($"{Journal} has no valid header: started afresh");
            return null;
        }
        var trials = new Dictionary<int, TrialRecord>();
        var kept = new List<string> { lines[0] };
        foreach (var line in lines.Skip(1))
        {
            try
            {
                if (JsonSerializer.Deserialize<TrialRecord>(line, Line) is { } r)
                {
                    trials[r.Index] = r;
                    kept.Add(line);
                }
            }
            catch (JsonException)
            {
                // a line torn by an interruption: that trial simply runs again
            }
        }
        // rewrite without torn lines, so the next appended trial starts on a line of its own
        if (kept.Count < lines.Length || !File.ReadAllText(path).EndsWith('\n'))
            AtomicFile.WriteAllText(path, string.Join("\n", kept) + "\n");
        return trials;
    }

    private static string Fingerprint(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static void WriteTrials(TextWriter w, OptimizeDefinition def, IReadOnlyList<Fold> folds, IReadOnlyList<TrialRecord> records)
    {
        var header = new List<string> { "trial" };
        header.AddRange(def.Parameters.Select(p => p.Key));
        header.AddRange(["in_sample", "out_of_sample"]);
        for (var k = 0; k < folds.Count; k++)
        {
            header.Add($"train_{k}");
            if (folds[k].Test != null) header.Add($"test_{k}");
        }
        header.Add("error");
        w.WriteLine(string.Join(",", header.Select(Csv)));
        foreach (var r in records)
        {
            var row = new List<string> { r.Index.ToString(CultureInfo.InvariantCulture) };
            row.AddRange(r.Values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
            row.Add(N(r.InSample));
            row.Add(N(r.OutOfSample));
            for (var k = 0; k < folds.Count; k++)
            {
                row.Add(k < r.TrainScores.Count ? N(r.TrainScores[k]) : "");
                if (folds[k].Test != null) row.Add(k < r.TestScores.Count ? N(r.TestScores[k]) : "");
            }
            row.Add(Csv(r.Error ?? ""));
            w.WriteLine(string.Join(",", row));
        }
    }

    private static string N(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";
    private static string Csv(string s) => s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
