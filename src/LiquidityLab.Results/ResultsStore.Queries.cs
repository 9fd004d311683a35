using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LiquidityLab.Results;

public sealed partial class ResultsStore
{
    private const string RunColumns =
        "id, scenario, kind, source, seed, status, started_at, finished_at, wall_seconds, folder, files, error, host, pid, sweep_id, case_name, config_yaml";

    /// <summary>The runs that pass every filter given, newest first.</summary>
    public IReadOnlyList<StoredRun> List(RunFilter? filter = null)
    {
        filter ??= new RunFilter();
        if (filter.Limit is < 0) throw new StoreInputException($"--limit must be 0 or more, not {filter.Limit}");
        return Locked(() =>
        {
            using var cmd = Command(null, "");
            var where = new List<string>();
            if (filter.Scenario is { } scenario) { where.Add("scenario = $scenario"); cmd.Parameters.AddWithValue("$scenario", scenario); }
            if (filter.Tag is { } tag) { where.Add("EXISTS (SELECT 1 FROM tags t WHERE t.run_id = runs.id AND t.tag = $tag)"); cmd.Parameters.AddWithValue("$tag", tag); }
            if (filter.Since is { } since) { where.Add("started_at >= $since"); cmd.Parameters.AddWithValue("$since", StoreTime.ToText(since)); }
            if (filter.Until is { } until) { where.Add("started_at < $until"); cmd.Parameters.AddWithValue("$until", StoreTime.ToText(until)); }
            if (filter.Status is { } status) { where.Add("status = $status"); cmd.Parameters.AddWithValue("$status", StatusText(status)); }
            if (filter.SweepId is { } sweep) { where.Add("sweep_id = $sweep"); cmd.Parameters.AddWithValue("$sweep", sweep); }
            var sql = new StringBuilder($"SELECT {RunColumns} FROM runs");
            if (where.Count > 0) sql.Append(" WHERE ").AppendJoin(" AND ", where);
            sql.Append(" ORDER BY id DESC");
            if (filter.Limit is { } limit) { sql.Append(" LIMIT $limit"); cmd.Parameters.AddWithValue("$limit", limit); }
            cmd.CommandText = sql.Append(';').ToString();
            return ReadRuns(cmd);
        });
    }

    /// <summary>The run with this id, or null.</summary>
    public StoredRun? Find(long id) => Locked(() =>
    {
        using var cmd = Command(null, $"SELECT {RunColumns} FROM runs WHERE id = $id;");
        cmd.Parameters.AddWithValue("$id", id);
        return ReadRuns(cmd).SingleOrDefault();
    });

    /// <summary>The run with this id.</summary>
    /// <exception cref="StoreInputException">No such run.</exception>
    public StoredRun Get(long id) => Find(id) ?? throw new StoreInputException($"store {Path} has no run {id}");

    /// <summary>A run's metrics in the order they were recorded (empty unless the run is done).</summary>
    public IReadOnlyList<StoredMetric> Metrics(long id) => Locked(() =>
    {
        using var cmd = Command(null, "SELECT key, value FROM metrics WHERE run_id = $id ORDER BY ordinal;");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var result = new List<StoredMetric>();
        while (r.Read()) result.Add(new StoredMetric(r.GetString(0), r.IsDBNull(1) ? double.NaN : r.GetDouble(1)));
        return result;
    });

    private List<StoredRun> ReadRuns(SqliteCommand cmd)
    {
        var rows = new List<StoredRun>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add(new StoredRun(
                    Id: r.GetInt64(0),
                    Scenario: r.GetString(1),
                    Kind: r.GetString(2),
                    Source: r.GetString(3),
                    Seed: r.GetInt64(4),
                    Status: ParseStatus(r.GetString(5)),
                    StartedAt: StoreTime.FromText(r.GetString(6)),
                    FinishedAt: r.IsDBNull(7) ? null : StoreTime.FromText(r.GetString(7)),
                    WallSeconds: r.IsDBNull(8) ? null : r.GetDouble(8),
                    Folder: r.IsDBNull(9) ? null : r.GetString(9),
                    Files: JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? [],
                    Tags: [],
                    Error: r.IsDBNull(11) ? null : r.GetString(11),
                    Host: r.GetString(12),
                    ProcessId: r.GetInt32(13),
                    SweepId: r.IsDBNull(14) ? null : r.GetString(14),
                    CaseName: r.IsDBNull(15) ? null : r.GetString(15),
                    ResolvedYaml: r.GetString(16)));
            }
        }
        if (rows.Count == 0) return rows;
        using var tags = Command(null, "SELECT tag FROM tags WHERE run_id = $id ORDER BY ordinal;");
        var pId = tags.Parameters.Add("$id", SqliteType.Integer);
        for (var i = 0; i < rows.Count; i++)
        {
            pId.Value = rows[i].Id;
            using var r = tags.ExecuteReader();
            var list = new List<string>();
            while (r.Read()) list.Add(r.GetString(0));
            rows[i] = rows[i] with { Tags = list };
        }
        return rows;
    }
}
