namespace LiquidityLab.Results;

/// <summary>Where a recorded run stands. Only <see cref="Done"/> runs have metrics, a folder and files.</summary>
public enum RunStatus
{
    /// <summary>Started and not finished: its process is still alive (or lives on another machine).</summary>
    Running,
    /// <summary>Finished: folder committed, metrics recorded, all in one transaction.</summary>
    Done,
    /// <summary>Ended with an error (the message is kept).</summary>
    Failed,
    /// <summary>Interrupted on purpose (Ctrl+C).</summary>
    Cancelled,
    /// <summary>Its process died without saying how the run ended (killed, crashed, machine lost power).</summary>
    Incomplete,
}

/// <summary>What is known about a run before it starts.</summary>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Kind">The scenario kind, e.g. <c>dealer</c>.</param>
/// <param name="Source">The scenario file as given, or <c>bundled:NAME</c>.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="ResolvedYaml">The resolved scenario (every default filled in), as written to the run folder.</param>
/// <param name="Tags">Free labels for filtering; duplicates are dropped, order kept.</param>
/// <param name="SweepId">The sweep this run is a case of, if any.</param>
/// <param name="CaseName">The case's name within its sweep, if any.</param>
/// <param name="Parameters">A sweep case's swept keys and their values, in the sweep's order; keys must be unique.</param>
public sealed record RunStart(
    string Scenario,
    string Kind,
    string Source,
    long Seed,
    string ResolvedYaml,
    IReadOnlyList<string>? Tags = null,
    string? SweepId = null,
    string? CaseName = null,
    IReadOnlyList<RunParameter>? Parameters = null);

/// <summary>One swept key of a sweep case and its value as text (<c>makers[0].quoting.spread</c> = <c>0.05</c>).</summary>
public readonly record struct RunParameter(string Key, string Value);

/// <summary>One headline number of a finished run under a flat key (e.g. <c>MM1.total_pnl</c>).</summary>
/// <param name="Value">NaN when the run could not compute it (stored as NULL).</param>
public readonly record struct StoredMetric(string Key, double Value);

/// <summary>What a successful run hands to the store.</summary>
/// <param name="Folder">The committed run folder (made absolute when recorded).</param>
/// <param name="Files">The file names in the folder.</param>
/// <param name="Metrics">The headline metrics, in the runner's order; keys must be unique.</param>
public sealed record RunCompletion(string Folder, IReadOnlyList<string> Files, IReadOnlyList<StoredMetric> Metrics);

/// <summary>One row of the store, as read back.</summary>
/// <param name="StartedAt">Wall-clock UTC time the run was recorded as started.</param>
/// <param name="WallSeconds">Seconds from start to finish (null until the run ends).</param>
/// <param name="Folder">Absolute path of the run folder (done runs only).</param>
/// <param name="Error">Why a run failed, was cancelled or is incomplete.</param>
/// <param name="Host">Machine name of the process that ran it.</param>
/// <param name="ProcessId">Its process id on that machine.</param>
public sealed record StoredRun(
    long Id,
    string Scenario,
    string Kind,
    string Source,
    long Seed,
    RunStatus Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? WallSeconds,
    string? Folder,
    IReadOnlyList<string> Files,
    IReadOnlyList<string> Tags,
    string? Error,
    string Host,
    int ProcessId,
    string? SweepId,
    string? CaseName,
    string ResolvedYaml);

/// <summary>Which runs <see cref="ResultsStore.List"/> returns; every filter given must hold. Newest first.</summary>
/// <param name="Since">Started at or after this instant.</param>
/// <param name="Until">Started strictly before this instant.</param>
/// <param name="Limit">At most this many (the newest); null for all.</param>
public sealed record RunFilter(
    string? Scenario = null,
    string? Tag = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    RunStatus? Status = null,
    string? SweepId = null,
    int? Limit = null);

/// <summary>What <see cref="ResultsStore.Delete"/> did for one run.</summary>
/// <param name="RemovedFolder">The folder removed with it, if files were asked for and it existed.</param>
/// <param name="KeptFolderReason">Why a folder was left in place although files were asked for.</param>
public sealed record DeletedRun(long Id, string? RemovedFolder, string? KeptFolderReason);

/// <summary>A sweep as the store knows it: the cases recorded under one sweep id.</summary>
/// <param name="Cases">Distinct case names recorded (a case run again counts once).</param>
/// <param name="Done">Of those, how many have a <c>done</c> run (the latest of each case).</param>
/// <param name="Parameters">Every swept key, in the order the cases record them.</param>
/// <param name="LastStartedAt">When the latest case started.</param>
public sealed record StoredSweep(string SweepId, string Scenario, int Cases, int Done, IReadOnlyList<string> Parameters, DateTimeOffset LastStartedAt);

/// <summary>One case of a sweep: its latest run, the values of its swept keys and its metrics.</summary>
public sealed record StoredSweepCase(StoredRun Run, IReadOnlyList<RunParameter> Parameters, IReadOnlyList<StoredMetric> Metrics);
