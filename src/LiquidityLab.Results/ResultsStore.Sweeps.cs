using Microsoft.Data.Sqlite;

namespace LiquidityLab.Results;

public sealed partial class ResultsStore
{
    // The latest run of every (sweep, case): a case run again (changed, or after a failure) replaces its earlier record.
    private const string LatestCases = """
        SELECT r.* FROM runs r
        WHERE r.sweep_id IS NOT NULL
          AND r.id = (SELECT max(x.id) FROM runs x WHERE x.sweep_id = r.sweep_id AND x.case_name IS r.case_name)
        """;

    /// <summary>A run's swept parameters in the sweep's order (empty for a run that is not a sweep case).</summary>
    public IReadOnlyList<RunParameter> Parameters(long id) => Locked(() =>
    {
        using var cmd = Command(null, "SELECT key, value FROM parameters WHERE run_id = $id ORDER BY ordinal;");
        cmd.Parameters.AddWithValue("$id", id);
        using var r = cmd.ExecuteReader();
        var result = new List<RunParameter>();
        while (r.Read()) result.Add(new RunParameter(r.GetString(0), r.GetString(1)));
        return result;
    });

    /// <summary>Every sweep with a case in the store, the most recently started first.</summary>
    public IReadOnlyList<StoredSweep> Sweeps() => Locked(() =>
    {
        var rows = new List<(string Id, string Scenario, int Cases, int Done, DateTimeOffset Last)>();
        using (var cmd = Command(null, $"""
            WITH latest AS ({LatestCases})
            SELECT sweep_id, scenario, count(*), sum(status = 'done'), max(started_at), max(id) FROM latest
            GROUP BY sweep_id ORDER BY max(id) DESC;
            """))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
                rows.Add((r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), StoreTime.FromText(r.GetString(4))));
        }
        using var keys = Command(null, """
            SELECT p.key FROM parameters p JOIN runs r ON r.id = p.run_id WHERE r.sweep_id = $sweep
            GROUP BY p.key ORDER BY min(p.ordinal), min(p.run_id);
            """);
        var pSweep = keys.Parameters.Add("$sweep", SqliteType.Text);
        var result = new List<StoredSweep>(rows.Count);
        foreach (var row in rows)
        {
            pSweep.Value = row.Id;
            var list = new List<string>();
            using (var r = keys.ExecuteReader())
                while (r.Read()) list.Add(r.GetString(0));
            result.Add(new StoredSweep(row.Id, row.Scenario, row.Cases, row.Done, list, row.Last));
        }
        return result;
    });

    /// <summary>The latest run of each case of a sweep, in case-name order, with its parameters and metrics.</summary>
    /// <exception cref="StoreInputException">No case of this sweep is recorded.</exception>
    public IReadOnlyList<StoredSweepCase> SweepCases(string sweepId)
    {
        ArgumentNullException.ThrowIfNull(sweepId);
        var runs = Locked(() =>
        {
            using var cmd = Command(null, $"WITH latest AS ({LatestCases}) SELECT {RunColumns} FROM latest WHERE sweep_id = $sweep ORDER BY case_name, id;");
            cmd.Parameters.AddWithValue("$sweep", sweepId);
            return ReadRuns(cmd);
        });
        if (runs.Count == 0) throw new StoreInputException($"store {Path} has no sweep {sweepId}");
        return runs.Select(run => new StoredSweepCase(run, Parameters(run.Id), Metrics(run.Id))).ToArray();
    }

    /// <summary>The latest run recorded for one case of a sweep, or null.</summary>
    public StoredRun? FindCase(string sweepId, string caseName) => Locked(() =>
    {
        using var cmd = Command(null, $"SELECT {RunColumns} FROM runs WHERE sweep_id = $sweep AND case_name = $case ORDER BY id DESC LIMIT 1;");
        cmd.Parameters.AddWithValue("$sweep", sweepId);
        cmd.Parameters.AddWithValue("$case", caseName);
        return ReadRuns(cmd).SingleOrDefault();
    });
}
