using LiquidityLab.Results.Schema;
using Microsoft.Data.Sqlite;

namespace LiquidityLab.Results.Tests.Schema;

public class MigrationsTests
{
    private static SqliteConnection Connect(string path)
    {
        var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        c.Open();
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void ANewStore_IsAtTheLatestVersion_WhichHasMoreThanOneStep()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        Assert.True(Migrations.Latest >= 2);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
    }

    [Fact]
    public void AVersion1Store_IsUpgradedOnOpen_AndKeepsItsRuns()
    {
        using var dir = new TempDir();
        var path = dir.File("old.db");
        using (var c = Connect(path))
        {
            Migrations.Apply(c, target: 1);
            Assert.Equal(1, Migrations.VersionOf(c));
            Exec(c, """
                INSERT INTO runs (id, scenario, kind, source, seed, config_yaml, status, started_at, finished_at, wall_seconds, folder, files, host, pid)
                VALUES (5, 'dealer-single', 'dealer', 'bundled:dealer-single', 7, 'seed: 7', 'done',
                        '2024-01-02T03:04:05.000Z', '2024-01-02T03:04:06.500Z', 1.5, '/data/runs/a', '["report.html"]', 'old-host', 1);
                INSERT INTO metrics (run_id, key, value, ordinal) VALUES (5, 'MM1.total_pnl', 42.25, 0), (5, 'MM1.fills', 9, 1);
                """);
        }

        using var store = ResultsStore.Open(path);
        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        var run = store.Get(5);
        Assert.Equal(("dealer-single", 7L, RunStatus.Done, "/data/runs/a"), (run.Scenario, run.Seed, run.Status, run.Folder));
        Assert.Equal(1.5, run.WallSeconds);
        Assert.Equal(["report.html"], run.Files);
        Assert.Empty(run.Tags);
        Assert.Null(run.SweepId);
        Assert.Equal([new StoredMetric("MM1.total_pnl", 42.25), new StoredMetric("MM1.fills", 9)], store.Metrics(5));

        // the upgraded store takes new runs with every later feature
        var id = store.RecordStart(Runs.Start(tags: "after-upgrade") with { SweepId = "s" });
        Assert.True(id > 5);
        Assert.Equal(["after-upgrade"], store.Get(id).Tags);
        Assert.Equal("s", store.Get(id).SweepId);
    }

    [Fact]
    public void EveryIntermediateVersion_UpgradesToTheLatest()
    {
        for (var v = 0; v < Migrations.Latest; v++)
        {
            using var dir = new TempDir();
            var path = dir.File($"v{v}.db");
            using (var c = Connect(path)) Migrations.Apply(c, target: v);
            using var store = ResultsStore.Open(path);
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
        }
    }

    [Fact]
    public void AStoreFromANewerLiqlab_IsRefusedWithAClearMessage_AndLeftAlone()
    {
        using var dir = new TempDir();
        var path = dir.File("new.db");
        var newer = Migrations.Latest + 1;
        using (var c = Connect(path))
        {
            Migrations.Apply(c);
            Exec(c, $"PRAGMA user_version = {newer}; CREATE TABLE future (x);");
        }

        var e = Assert.Throws<StoreInputException>(() => ResultsStore.Open(path));
        Assert.Equal($"store {path} has schema version {newer}, newer than this liqlab supports ({Migrations.Latest}); upgrade liqlab", e.Message);
        using var check = Connect(path);
        Assert.Equal(newer, Migrations.VersionOf(check));
    }

    [Fact]
    public void AnSqliteDatabaseOfSomethingElse_IsNotTakenOver()
    {
        using var dir = new TempDir();
        var path = dir.File("other.db");
        using (var c = Connect(path)) Exec(c, "CREATE TABLE customers (name TEXT);");
        var e = Assert.Throws<StoreInputException>(() => ResultsStore.Open(path));
        Assert.Contains("not a liqlab results store", e.Message);
        using var check = Connect(path);
        Assert.Equal(0, Migrations.VersionOf(check));
    }

    [Fact]
    public void Apply_RejectsATargetBeyondTheLatest()
    {
        using var dir = new TempDir();
        using var c = Connect(dir.File("x.db"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Migrations.Apply(c, target: Migrations.Latest + 1));
    }
}
