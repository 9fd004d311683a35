using Microsoft.Data.Sqlite;

namespace LiquidityLab.Results.Schema;

/// <summary>
/// The store's schema as an ordered list of steps. The database's <c>PRAGMA user_version</c> is the
/// number of steps applied; opening a store applies the missing ones, each in the same transaction as
/// its version bump, so a store is always exactly at one version. Steps are never edited once
/// shipped: a change is a new step at the end.
/// </summary>
public static class Migrations
{
    /// <summary>The steps; step i takes a store from version i to i + 1.</summary>
    public static IReadOnlyList<string> Steps { get; } =
    [
        // 1: runs and their headline metrics.
        """
        CREATE TABLE runs (
            id                 INTEGER PRIMARY KEY AUTOINCREMENT,
            scenario           TEXT    NOT NULL,
            kind               TEXT    NOT NULL,
            source             TEXT    NOT NULL,
            seed               INTEGER NOT NULL,
            config_yaml        TEXT    NOT NULL,
            status             TEXT    NOT NULL CHECK (status IN ('running', 'done', 'failed', 'cancelled', 'incomplete')),
            started_at         TEXT    NOT NULL,
            finished_at        TEXT,
            wall_seconds       REAL,
            folder             TEXT,
            files              TEXT    NOT NULL DEFAULT '[]',
            error              TEXT,
            host               TEXT    NOT NULL,
            pid                INTEGER NOT NULL,
            process_started_at TEXT
        );
        CREATE INDEX runs_by_scenario ON runs (scenario);
        CREATE INDEX runs_by_started ON runs (started_at);
        CREATE INDEX runs_by_status ON runs (status);
        CREATE TABLE metrics (
            run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            key     TEXT    NOT NULL,
            value   REAL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        """,
        // 2: tags.
        """
        CREATE TABLE tags (
            run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            tag     TEXT    NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (run_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX tags_by_tag ON tags (tag);
        """,
        // 3: runs recorded as cases of a sweep.
        """
        ALTER TABLE runs ADD COLUMN sweep_id TEXT;
        ALTER TABLE runs ADD COLUMN case_name TEXT;
        CREATE INDEX runs_by_sweep ON runs (sweep_id);
        """,
        // 4: the swept parameters of a sweep case and their values (as text, the way the sweep file spells them).
        """
        CREATE TABLE parameters (
            run_id  INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
            key     TEXT    NOT NULL,
            value   TEXT    NOT NULL,
            ordinal INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        """,
    ];

    /// <summary>The version a store has once every step is applied.</summary>
    public static int Latest => Steps.Count;

    public static int VersionOf(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Brings the database up to <paramref name="target"/> (default: the latest). Each step runs in an
    /// immediate transaction that re-reads the version first, so concurrent openers apply it once.
    /// </summary>
    /// <returns>The version before.</returns>
    /// <exception cref="NewerSchemaException">The database is at a higher version than <paramref name="target"/>.</exception>
    public static int Apply(SqliteConnection connection, int? target = null)
    {
        var goal = target ?? Latest;
        if (goal < 0 || goal > Latest) throw new ArgumentOutOfRangeException(nameof(target), goal, $"between 0 and {Latest}");
        var before = VersionOf(connection);
        if (before > Latest) throw new NewerSchemaException(before, Latest);
        while (true)
        {
            using var tx = connection.BeginTransaction(deferred: false);
            var version = VersionOf(connection, tx);
            if (version > Latest) throw new NewerSchemaException(version, Latest);
            if (version >= goal) return before;
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                // user_version cannot take a parameter; the value is our own integer.
                cmd.CommandText = Steps[version] + $"\nPRAGMA user_version = {version + 1};";
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }
}

/// <summary>The database was written by a newer liqlab, whose schema this one does not know.</summary>
public sealed class NewerSchemaException(int version, int supported)
    : Exception($"schema version {version}, newer than this liqlab supports ({supported})")
{
    public int Version { get; } = version;
    public int Supported { get; } = supported;
}
