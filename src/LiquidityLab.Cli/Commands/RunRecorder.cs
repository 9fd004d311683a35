using LiquidityLab.Results;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Scenarios.Yaml;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// Records one <c>liqlab run</c> in the results store: <c>running</c> before the simulation starts,
/// then <c>done</c> (with folder, files and metrics), <c>failed</c> or <c>cancelled</c>.
/// </summary>
internal sealed class RunRecorder : IDisposable
{
    private readonly ResultsStore _store;

    private RunRecorder(ResultsStore store, long id)
    {
        _store = store;
        Id = id;
    }

    public long Id { get; }

    public string StorePath => _store.Path;

    /// <summary>Opens the store and records the run as started. Store errors surface here, before anything runs.</summary>
    public static RunRecorder Start(string storePath, LoadedScenario loaded, IReadOnlyList<string> tags)
    {
        var store = ResultsStore.Open(storePath);
        try
        {
            var s = loaded.Scenario;
            var id = store.RecordStart(new RunStart(s.Name, ScenarioNaming.KindOf(s.GetType()), loaded.Source, s.Seed, loaded.ResolvedYaml, tags));
            return new RunRecorder(store, id);
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    public void Done(RunOutcome outcome) =>
        _store.RecordDone(Id, new RunCompletion(outcome.Folder, outcome.Files, outcome.Metrics.Select(m => new StoredMetric(m.Key, m.Value)).ToArray()));

    /// <summary>Records a run that ended without results. Never throws: the run's own error is what the user must see.</summary>
    public void Ended(RunStatus status, string message)
    {
        try
        {
            _store.RecordEnded(Id, status, message);
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"warning: could not record run {Id} as {ResultsStore.Text(status)}: {e.Message}");
        }
    }

    public void Dispose() => _store.Dispose();
}
