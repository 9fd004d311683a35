using LiquidityLab.Analytics.Reports;
using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Optimization;

/// <summary>The optimisation report: best trial, in-sample against out-of-sample scores, convergence, and each parameter against the score.</summary>
public static class OptimizeReport
{
    public static TableBlock Table(OptimizeSummary s, IReadOnlyList<TrialRecord> rows, string caption) =>
        new(caption, ["trial", .. s.Parameters, $"in-sample {s.Objective}", $"out-of-sample {s.Objective}"],
            rows.Select(r => (IReadOnlyList<string>)[r.Index.ToString(System.Globalization.CultureInfo.InvariantCulture),
                .. r.Values.Select(v => Format.Number(v, 5)), Format.Number(r.InSample, 5), Format.Number(r.OutOfSample, 5)]).ToArray());

    public static ReportDocument Build(LoadedOptimization o, OptimizeSummary s, IReadOnlyList<TrialRecord> trials)
    {
        var scored = trials.Where(t => t.InSample is not null).ToArray();
        var sign = s.Direction == "minimize" ? " (negated: minimised)" : "";
        var sections = new List<ReportSection>
        {
            new("Best trial", [Table(s, s.Best is { } b ? [b] : [], "chosen by the in-sample score only"), Table(s, s.Top, "the ten best in sample")],
                $"Method {s.Method}, {s.Trials} trials, objective {s.Objective}{sign}, validation {s.Validation}: {string.Join("; ", s.Folds)}. " +
                "The search sees only in-sample scores; a large gap to the out-of-sample score is overfitting."),
        };
        if (scored.Any(t => t.OutOfSample is not null))
            sections.Add(new ReportSection("In sample against out of sample", [new ScatterChart("Each trial's scores", $"in-sample {s.Objective}", $"out-of-sample {s.Objective}",
                [new ScatterSeries("trials", scored.Where(t => t.OutOfSample is not null).Select(t => t.InSample!.Value).ToArray(),
                    scored.Where(t => t.OutOfSample is not null).Select(t => t.OutOfSample!.Value).ToArray())])]));
        var bestSoFar = new double?[trials.Count];
        var outOfBest = new double?[trials.Count];
        TrialRecord? lead = null;
        for (var i = 0; i < trials.Count; i++)
        {
            if (trials[i].InSample is { } v && (lead is null || v > lead.InSample)) lead = trials[i];
            bestSoFar[i] = lead?.InSample;
            outOfBest[i] = lead?.OutOfSample;
        }
        sections.Add(new ReportSection("Convergence", [new LineChart("Best in-sample score so far, and its out-of-sample score", "trial", s.Objective,
            trials.Select(t => (double)t.Index).ToArray(),
            [new Series("in sample (best so far)", bestSoFar, Step: true), new Series("its out of sample", outOfBest, Step: true, Dashed: true),
             new Series("trial in sample", trials.Select(t => t.InSample).ToArray())])]));
        var perParameter = s.Parameters.Select((key, d) => (ReportBlock)new ScatterChart($"{key} against the score", key, s.Objective,
        [
            new ScatterSeries("in sample", scored.Select(t => t.Values[d]).ToArray(), scored.Select(t => t.InSample!.Value).ToArray()),
            new ScatterSeries("out of sample", scored.Where(t => t.OutOfSample is not null).Select(t => t.Values[d]).ToArray(),
                scored.Where(t => t.OutOfSample is not null).Select(t => t.OutOfSample!.Value).ToArray()),
        ])).ToList();
        sections.Add(new ReportSection("Parameters", perParameter));
        if (s.Notes.Count > 0) sections.Insert(0, new ReportSection("Notes", s.Notes.Select(n => (ReportBlock)new NoteBlock(n, Warning: true)).ToArray()));
        return new ReportDocument($"LiquidityLab: {s.Scenario} optimisation", $"{s.Method} · seed {s.Seed} · {s.Trials} trials · objective {s.Objective}", sections);
    }
}
