using System.Text.Json;
using LiquidityLab.Results.Processes;
using LiquidityLab.Results.Schema;
using Microsoft.Data.Sqlite;

namespace LiquidityLab.Results;

/// <summary>How a store is opened. The defaults are the real clock and this machine's processes.</summary>
public sealed record ResultsStoreOptions
{
    /// <summary>The wall clock for start and finish times (metadata only: nothing of it reaches a run folder).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Tells whether the process of a <c>running</c> row is still alive.</summary>
    public IProcessTable Processes { get; init; } = LocalProcessTable.Instance;

    /// <summary>Create the file (and its folder) when missing; when false a missing store is a <see cref="StoreInputException"/>.</summary>
    public bool CreateIfMissing { get; init; } = true;
}

/// <summary>
/// The results store: one SQLite file recording every run, its resolved scenario, status, timings,
/// run folder and headline metrics.
/// <para>
/// Invariants: a run is recorded as <c>running</c> before it starts, and becomes <c>done</c> together
/// with its folder, files and metrics in one transaction, so a run killed half way is never seen as
/// done. A <c>running</c> row whose process has died is marked <c>incomplete</c> by the next open.
/// Any number of processes may write at once (WAL journal, immediate transactions, busy timeout).
/// The schema is versioned (<see cref="Migrations"/>): an older store is upgraded when opened, a
/// newer one is refused.
/// </para>
/// One instance holds one connection and may be shared between threads (calls are serialised).
/// </summary>
public sealed partial class ResultsStore : IDisposable
{
    /// <summary>The store's file name in an output root: <c>runs/liqlab.db</c> by default.</summary>
    public const string FileName = "liqlab.db";

    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteConnection _connection;
    private readonly ResultsStoreOptions _options;
    private readonly Lock _lock = new();

    private ResultsStore(string path, SqliteConnection connection, ResultsStoreOptions options)
    {
        Path = path;
        _connection = connection;
        _options = options;
    }

    /// <summary>The store's file, as an absolute path.</summary>
    public string Path { get; }

    /// <summary>The folder holding the store: run folders inside it may be deleted with their records.</summary>
    public string Root => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The store beside a run folder: <c>liqlab.db</c> in the folder's parent (the output root).</summary>
    public static string DefaultPathFor(string runFolder)
    {
        var full = System.IO.Path.GetFullPath(runFolder.TrimEnd('/', '\\'));
        return System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, FileName);
    }

    /// <summary>
    /// Opens (or creates) the store at <paramref name="path"/>, upgrades an older schema and marks
    /// runs whose process has died as <c>incomplete</c>.
    /// </summary>
    /// <exception cref="StoreInputException">Missing (when not creating), not a results store, or of a newer schema.</exception>
    /// <exception cref="StoreException">Cannot be read or written.</exception>
    public static ResultsStore Open(string path, ResultsStoreOptions? options = null)
    {
        options ??= new ResultsStoreOptions();
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new StoreInputException($"store {path} is a folder; give the path of a .db file");
        if (!File.Exists(full))
        {
            if (!options.CreateIfMissing) throw new StoreInputException($"no results store at {path} (run a scenario first, or give --store PATH)");
            try { Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new StoreException($"store {path}: cannot create its folder: {e.Message}", e);
            }
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false, // Dispose releases the file
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            Execute(connection, $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};");
            CheckIsStore(connection, path);
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;");
            Migrations.Apply(connection);
            var store = new ResultsStore(full, connection, options);
            store.MarkIncomplete();
            return store;
        }
        catch (NewerSchemaException e)
        {
            connection.Dispose();
            throw new StoreInputException($"store {path} has schema version {e.Version}, newer than this liqlab supports ({e.Supported}); upgrade liqlab", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Wrap(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open store (always <see cref="Migrations.Latest"/> after open).</summary>
    public int SchemaVersion => Locked(() => Migrations.VersionOf(_connection));

    /// <summary>Records a run as <c>running</c>, before it starts. Returns its id.</summary>
    public long RecordStart(RunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var tags = NormaliseTags(start.Tags);
        var parameters = start.Parameters ?? [];
        var repeated = parameters.GroupBy(p => p.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated != null) throw new ArgumentException($"parameter key {repeated.Key} appears more than once", nameof(start));
        var process = _options.Processes.Current;
        var now = StoreTime.ToText(_options.Clock.GetUtcNow());
        return Write(tx =>
        {
            using var insert = Command(tx, """
                INSERT INTO runs (scenario, kind, source, seed, config_yaml, status, started_at, host, pid, process_started_at, sweep_id, case_name)
                VALUES ($scenario, $kind, $source, $seed, $yaml, 'running', $started, $host, $pid, $pstart, $sweep, $case)
                RETURNING id;
                """);
            insert.Parameters.AddWithValue("$scenario", start.Scenario);
            insert.Parameters.AddWithValue("$kind", start.Kind);
            insert.Parameters.AddWithValue("$source", start.Source);
            insert.Parameters.AddWithValue("$seed", start.Seed);
            insert.Parameters.AddWithValue("$yaml", start.ResolvedYaml);
            insert.Parameters.AddWithValue("$started", now);
            insert.Parameters.AddWithValue("$host", process.Host);
            insert.Parameters.AddWithValue("$pid", process.ProcessId);
            insert.Parameters.AddWithValue("$pstart", process.StartedAt is { } ps ? StoreTime.ToText(ps) : DBNull.Value);
            insert.Parameters.AddWithValue("$sweep", (object?)start.SweepId ?? DBNull.Value);
            insert.Parameters.AddWithValue("$case", (object?)start.CaseName ?? DBNull.Value);
            var id = (long)insert.ExecuteScalar()!;

            using var tag = Command(tx, "INSERT INTO tags (run_id, tag, ordinal) VALUES ($id, $tag, $ordinal);");
            var pTag = tag.Parameters.Add("$tag", SqliteType.Text);
            var pOrdinal = tag.Parameters.Add("$ordinal", SqliteType.Integer);
            tag.Parameters.AddWithValue("$id", id);
            for (var i = 0; i < tags.Count; i++)
            {
                pTag.Value = tags[i];
                pOrdinal.Value = i;
                tag.ExecuteNonQuery();
            }

            using var parameter = Command(tx, "INSERT INTO parameters (run_id, key, value, ordinal) VALUES ($id, $key, $value, $ordinal);");
            var pKey = parameter.Parameters.Add("$key", SqliteType.Text);
            var pValue = parameter.Parameters.Add("$value", SqliteType.Text);
            var pParamOrdinal = parameter.Parameters.Add("$ordinal", SqliteType.Integer);
            parameter.Parameters.AddWithValue("$id", id);
            for (var i = 0; i < parameters.Count; i++)
            {
                pKey.Value = parameters[i].Key;
                pValue.Value = parameters[i].Value;
                pParamOrdinal.Value = i;
                parameter.ExecuteNonQuery();
            }
            return id;
        });
    }

    /// <summary>
    /// Records a finished run: status <c>done</c>, finish time, wall seconds, folder, files and every
    /// metric, in one transaction.
    /// </summary>
    /// <exception cref="StoreInputException">The run is not in the store, or already ended.</exception>
    public void RecordDone(long id, RunCompletion completion)
    {
        ArgumentNullException.ThrowIfNull(completion);
        var duplicate = completion.Metrics.GroupBy(m => m.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new ArgumentException($"metric key {duplicate.Key} appears more than once", nameof(completion));
        var folder = System.IO.Path.GetFullPath(completion.Folder);
        var files = JsonSerializer.Serialize(completion.Files);
        var finished = _options.Clock.GetUtcNow();
        Write(tx =>
        {
            var started = OpenRunStart(tx, id);
            using (var update = Command(tx, """
                UPDATE runs SET status = 'done', finished_at = $finished, wall_seconds = $wall, folder = $folder, files = $files, error = NULL
                WHERE id = $id;
                DELETE FROM metrics WHERE run_id = $id;
                """))
            {
                update.Parameters.AddWithValue("$id", id);
                update.Parameters.AddWithValue("$finished", StoreTime.ToText(finished));
                update.Parameters.AddWithValue("$wall", WallSeconds(started, finished));
                update.Parameters.AddWithValue("$folder", folder);
                update.Parameters.AddWithValue("$files", files);
                update.ExecuteNonQuery();
            }
            using var insert = Command(tx, "INSERT INTO metrics (run_id, key, value, ordinal) VALUES ($id, $key, $value, $ordinal);");
            insert.Parameters.AddWithValue("$id", id);
            var pKey = insert.Parameters.Add("$key", SqliteType.Text);
            var pValue = insert.Parameters.Add("$value", SqliteType.Real);
            var pOrdinal = insert.Parameters.Add("$ordinal", SqliteType.Integer);
            for (var i = 0; i < completion.Metrics.Count; i++)
            {
                var m = completion.Metrics[i];
                pKey.Value = m.Key;
                pValue.Value = double.IsNaN(m.Value) ? DBNull.Value : m.Value;
                pOrdinal.Value = i;
                insert.ExecuteNonQuery();
            }
            return 0;
        });
    }

    /// <summary>Records that a run ended without results: <see cref="RunStatus.Failed"/> or <see cref="RunStatus.Cancelled"/>, with why.</summary>
    /// <exception cref="StoreInputException">The run is not in the store, or already ended.</exception>
    public void RecordEnded(long id, RunStatus status, string message)
    {
        if (status is not (RunStatus.Failed or RunStatus.Cancelled))
            throw new ArgumentOutOfRangeException(nameof(status), status, "a run ends as failed or cancelled here; done runs use RecordDone");
        var finished = _options.Clock.GetUtcNow();
        Write(tx =>
        {
            var started = OpenRunStart(tx, id);
            using var update = Command(tx, "UPDATE runs SET status = $status, finished_at = $finished, wall_seconds = $wall, error = $error WHERE id = $id;");
            update.Parameters.AddWithValue("$id", id);
            update.Parameters.AddWithValue("$status", StatusText(status));
            update.Parameters.AddWithValue("$finished", StoreTime.ToText(finished));
            update.Parameters.AddWithValue("$wall", WallSeconds(started, finished));
            update.Parameters.AddWithValue("$error", message);
            update.ExecuteNonQuery();
            return 0;
        });
    }

    public void Dispose() => _connection.Dispose();

    // The start time of a run that may still end: running, or incomplete (marked so by an opener that
    // could not see its process, e.g. across machines sharing a folder).
    private DateTimeOffset OpenRunStart(SqliteTransaction tx, long id)
    {
        using var cmd = Command(tx, "SELECT status, started_at FROM runs WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) throw new StoreInputException($"store {Path} has no run {id}");
        var status = ParseStatus(r.GetString(0));
        if (status is not (RunStatus.Running or RunStatus.Incomplete))
            throw new StoreInputException($"run {id} in store {Path} has already ended ({StatusText(status)})");
        return StoreTime.FromText(r.GetString(1));
    }

    private static double WallSeconds(DateTimeOffset started, DateTimeOffset finished) =>
        Math.Max(0, (StoreTime.Stored(finished) - started).TotalSeconds);

    private void MarkIncomplete()
    {
        var running = new List<(long Id, RunnerProcess Process)>();
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id, host, pid, process_started_at FROM runs WHERE status = 'running';";
            using var r = cmd.ExecuteReader();
            while (r.Read())
                running.Add((r.GetInt64(0), new RunnerProcess(r.GetString(1), r.GetInt32(2), r.IsDBNull(3) ? null : StoreTime.FromText(r.GetString(3)))));
        }
        var dead = running.Where(x => !_options.Processes.MayBeAlive(x.Process)).ToList();
        if (dead.Count == 0) return;
        Write(tx =>
        {
            using var update = Command(tx, "UPDATE runs SET status = 'incomplete', error = $error WHERE id = $id AND status = 'running';");
            var pId = update.Parameters.Add("$id", SqliteType.Integer);
            var pError = update.Parameters.Add("$error", SqliteType.Text);
            foreach (var (id, process) in dead)
            {
                pId.Value = id;
                pError.Value = $"its process ({process.ProcessId} on {process.Host}) ended without finishing the run";
                update.ExecuteNonQuery();
            }
            return 0;
        });
    }

    private static void CheckIsStore(SqliteConnection connection, string path)
    {
        // Reading the header fails on a file that is not SQLite; a SQLite file of someone else's has tables but version 0.
        if (Migrations.VersionOf(connection) != 0) return;
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%';";
        if ((long)cmd.ExecuteScalar()! > 0)
            throw new StoreInputException($"{path} is an SQLite database but not a liqlab results store (it has tables and no schema version)");
    }

    private static IReadOnlyList<string> NormaliseTags(IReadOnlyList<string>? tags)
    {
        if (tags is null) return [];
        var result = new List<string>();
        foreach (var t in tags)
        {
            var tag = t.Trim();
            if (tag.Length == 0) throw new StoreInputException("a tag cannot be empty");
            if (!result.Contains(tag, StringComparer.Ordinal)) result.Add(tag);
        }
        return result;
    }

    internal static string StatusText(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Done => "done",
        RunStatus.Failed => "failed",
        RunStatus.Cancelled => "cancelled",
        RunStatus.Incomplete => "incomplete",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    internal static RunStatus ParseStatus(string text) => text switch
    {
        "running" => RunStatus.Running,
        "done" => RunStatus.Done,
        "failed" => RunStatus.Failed,
        "cancelled" => RunStatus.Cancelled,
        "incomplete" => RunStatus.Incomplete,
        _ => throw new StoreException($"unknown run status '{text}' in the store"),
    };

    /// <summary>Parses a status as users type it (<c>done</c>, <c>failed</c>, …).</summary>
    /// <exception cref="StoreInputException">Not one of the statuses.</exception>
    public static RunStatus ParseStatusArgument(string text)
    {
        var wanted = text.Trim().ToLowerInvariant();
        foreach (var s in Enum.GetValues<RunStatus>())
            if (StatusText(s) == wanted) return s;
        throw new StoreInputException($"unknown status '{text}': one of {string.Join(", ", Enum.GetValues<RunStatus>().Select(StatusText))}");
    }

    /// <summary>The status as the store and the command line spell it.</summary>
    public static string Text(RunStatus status) => StatusText(status);

    private T Write<T>(Func<SqliteTransaction, T> body) => Locked(() =>
    {
        using var tx = _connection.BeginTransaction(deferred: false);
        var result = body(tx);
        tx.Commit();
        return result;
    });

    private T Locked<T>(Func<T> body)
    {
        lock (_lock)
        {
            try
            {
                return body();
            }
            catch (SqliteException e)
            {
                throw Wrap(Path, e);
            }
        }
    }

    private SqliteCommand Command(SqliteTransaction? tx, string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private const int SqliteNotADatabase = 26;

    private static StoreException Wrap(string path, SqliteException e) => e.SqliteErrorCode == SqliteNotADatabase
        ? new StoreInputException($"{path} is not a liqlab results store (not an SQLite database)", e)
        : new StoreException($"store {path}: {e.Message}", e);
}
