using LiquidityLab.Results;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Sweeps;
using LiquidityLab.Scenarios.Yaml;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// Records every case of a <c>liqlab sweep</c> in the results store as an ordinary run with the same
/// lifecycle as <c>liqlab run</c> (<c>running</c>, then <c>done</c>, <c>failed</c> or <c>cancelled</c>;
/// <c>incomplete</c> once a killed process is noticed), under the sweep's id, the case id as its case
/// name and the case's swept values as its parameters. One store connection serves every worker thread.
/// </summary>
internal sealed class SweepRecorder : ISweepRecorder, IDisposable
{
    private readonly ResultsStore _store;
    private readonly string _source;

    private SweepRecorder(ResultsStore store, string sweepId, string source)
    {
        _store = store;
        SweepId = sweepId;
        _source = source;
    }

    /// <summary>The sweep folder's path relative to the store's folder (its name, by default), or its full path when outside.</summary>
    public string SweepId { get; }

    public string StorePath => _store.Path;

    public static SweepRecorder Open(string storePath, string sweepFolder, string source)
    {
        var store = ResultsStore.Open(storePath);
        var folder = Path.GetFullPath(sweepFolder.TrimEnd('/', '\\'));
        var relative = Path.GetRelativePath(store.Root, folder);
        var id = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative.Replace('\\', '/');
        return new SweepRecorder(store, id, source);
    }

    /// <summary>The swept keys of a case and their values; a named case also records its name under <c>case</c>.</summary>
    public static IReadOnlyList<RunParameter> ParametersOf(SweepCase c)
    {
        var list = new List<RunParameter>();
        if (c.Name != null) list.Add(new RunParameter("case", c.Name));
        foreach (var a in c.Assignments)
        {
            var i = list.FindIndex(p => p.Key == a.Path);
            if (i >= 0) list[i] = new RunParameter(a.Path, a.Text); // a later assignment of the same key wins, as in the case itself
            else list.Add(new RunParameter(a.Path, a.Text));
        }
        return list;
    }

    public ISweepCaseRecord Started(SweepCase sweepCase) => new CaseRecord(this, _store.RecordStart(StartOf(sweepCase)));

    public void Reused(SweepCase sweepCase, string folder, IReadOnlyList<RunMetric> metrics)
    {
        // Already recorded as done by the run that made it: nothing to add. Otherwise (made without a store) record it now.
        if (_store.FindCase(SweepId, sweepCase.Id) is { Status: RunStatus.Done } done && done.Folder == Path.GetFullPath(folder)) return;
        var id = _store.RecordStart(StartOf(sweepCase));
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        _store.RecordDone(id, new RunCompletion(folder, files!, metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray()));
    }

    private RunStart StartOf(SweepCase c)
    {
        var s = c.Scenario.Scenario;
        return new RunStart(s.Name, ScenarioNaming.KindOf(s.GetType()), _source, s.Seed, c.Scenario.ResolvedYaml,
            SweepId: SweepId, CaseName: c.Id, Parameters: ParametersOf(c));
    }

    public void Dispose() => _store.Dispose();

    private sealed class CaseRecord(SweepRecorder owner, long id) : ISweepCaseRecord
    {
        public void Done(RunOutcome outcome)
        {
            var files = outcome.Files.Append(CaseMetrics.FileName).Order(StringComparer.Ordinal).ToArray();
            owner._store.RecordDone(id, new RunCompletion(outcome.Folder, files, outcome.Metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray()));
        }

        public void Ended(bool cancelled, string message)
        {
            try
            {
                owner._store.RecordEnded(id, cancelled ? RunStatus.Cancelled : RunStatus.Failed, message);
            }
            catch (StoreException e)
            {
                Console.Error.WriteLine($"warning: could not record sweep case {id} as ended: {e.Message}");
            }
        }
    }
}
