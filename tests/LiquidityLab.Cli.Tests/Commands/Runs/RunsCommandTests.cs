using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace LiquidityLab.Cli.Tests.Commands.Runs;

/// <summary><c>liqlab run</c> recording into the results store, and <c>liqlab runs …</c> reading it, through the real executable.</summary>
public class RunsCommandTests
{
    private static JsonElement Json(CliRunner.Result r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        return JsonDocument.Parse(r.Stdout).RootElement;
    }

    private static CliRunner.Result RunSmall(TempDir dir, string name, long seed, params string[] extra) =>
        CliRunner.Run(dir.Path, ["run", "dealer-single", "--seed", seed.ToString(), "--set", "clients.count=40",
            "--out", Path.Combine(dir.Path, name), "--store", Path.Combine(dir.Path, "s.db"), .. extra]);

    [Fact]
    public void Run_RecordsTheRunAsDone_WithItsMetrics_AndRunsListPrintsItAsJson()
    {
        using var dir = new TempDir();
        var run = RunSmall(dir, "x", 5, "--tag", "smoke", "--tag", "ci");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("recorded as run 1 in", run.Stdout);

        var list = Json(CliRunner.Run(dir.Path, "runs", "list", "--store", Path.Combine(dir.Path, "s.db"), "--json"));
        var r = Assert.Single(list.EnumerateArray());
        Assert.Equal(1, r.GetProperty("id").GetInt64());
        Assert.Equal("dealer-single", r.GetProperty("scenario").GetString());
        Assert.Equal(5, r.GetProperty("seed").GetInt64());
        Assert.Equal("done", r.GetProperty("status").GetString());
        Assert.Equal(Path.Combine(dir.Path, "x"), r.GetProperty("folder").GetString());
        Assert.Equal(["smoke", "ci"], r.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.True(r.GetProperty("wall_seconds").GetDouble() >= 0);

        // the metrics are the run's own numbers: total PnL equals summary.json's
        var pnl = r.GetProperty("metrics").GetProperty("MM1.total_pnl").GetDouble();
        var summary = File.ReadAllText(Path.Combine(dir.Path, "x", "summary.json"));
        Assert.Contains(pnl.ToString("R", System.Globalization.CultureInfo.InvariantCulture), summary);

        // the store lives outside the run folder, which holds exactly the files recorded
        var files = Directory.GetFiles(Path.Combine(dir.Path, "x")).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(r.GetProperty("files").EnumerateArray().Select(f => f.GetString()), files);
    }

    [Fact]
    public void Run_ByDefault_RecordsInTheOutputRoot_WhereRunsListLooks()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, "run", "dealer-single", "--set", "clients.count=20").ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "runs", "liqlab.db")));
        var list = Json(CliRunner.Run(dir.Path, "runs", "list", "--json"));
        Assert.Equal(Path.Combine(dir.Path, "runs", "dealer-single-seed42"), Assert.Single(list.EnumerateArray()).GetProperty("folder").GetString());

        var table = CliRunner.Run(dir.Path, "runs", "list");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("dealer-single", table.Stdout);
        Assert.Contains("done", table.Stdout);
    }

    [Fact]
    public void Run_WithNoStore_RecordsNothing()
    {
        using var dir = new TempDir();
        Assert.Equal(0, CliRunner.Run(dir.Path, "run", "dealer-single", "--set", "clients.count=20", "--no-store").ExitCode);
        Assert.False(File.Exists(Path.Combine(dir.Path, "runs", "liqlab.db")));
        var none = CliRunner.Run(dir.Path, "runs", "list");
        Assert.Equal(2, none.ExitCode);
        Assert.Contains("no results store at", none.Stderr);
    }

    [Fact]
    public void ShowCompareAndDelete_TwoSeeds()
    {
        using var dir = new TempDir();
        var store = Path.Combine(dir.Path, "s.db");
        Assert.Equal(0, RunSmall(dir, "a", 1).ExitCode);
        Assert.Equal(0, RunSmall(dir, "b", 2).ExitCode);

        var show = Json(CliRunner.Run(dir.Path, "runs", "show", "2", "--store", store, "--json"));
        Assert.Equal(2, show.GetProperty("seed").GetInt64());
        Assert.Contains("seed: 2", show.GetProperty("config_yaml").GetString());
        var yaml = CliRunner.Run(dir.Path, "runs", "show", "2", "--store", store, "--yaml");
        Assert.Equal(File.ReadAllText(Path.Combine(dir.Path, "b", "scenario.yaml")), yaml.Stdout);
        var showTable = CliRunner.Run(dir.Path, "runs", "show", "2", "--store", store);
        Assert.Contains("MM1.total_pnl", showTable.Stdout);
        Assert.Contains("scenario.yaml", showTable.Stdout);

        var compare = Json(CliRunner.Run(dir.Path, "runs", "compare", "1", "2", "--store", store, "--json"));
        Assert.Equal([1L, 2L], compare.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
        var pnl = compare.GetProperty("metrics").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "MM1.total_pnl");
        var values = pnl.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal(2, values.Length);
        Assert.Equal(values[1] - values[0], pnl.GetProperty("difference").GetDouble(), 12);
        var compareTable = CliRunner.Run(dir.Path, "runs", "compare", "1", "2", "--store", store);
        Assert.Contains("difference", compareTable.Stdout);
        Assert.Contains("seed 2", compareTable.Stdout);

        var delete = CliRunner.Run(dir.Path, "runs", "delete", "1", "--store", store, "--files");
        Assert.Equal(0, delete.ExitCode);
        Assert.Contains("deleted run 1", delete.Stdout);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "a")));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "b")));
        var left = Json(CliRunner.Run(dir.Path, "runs", "list", "--store", store, "--json"));
        Assert.Equal([2L], left.EnumerateArray().Select(r => r.GetProperty("id").GetInt64()));
    }

    [Fact]
    public void List_Filters_ByTagScenarioStatusAndDate()
    {
        using var dir = new TempDir();
        var store = Path.Combine(dir.Path, "s.db");
        Assert.Equal(0, RunSmall(dir, "a", 1, "--tag", "keep").ExitCode);
        Assert.Equal(0, RunSmall(dir, "b", 2).ExitCode);
        long[] Ids(params string[] filter) => Json(CliRunner.Run(dir.Path, ["runs", "list", "--store", store, "--json", .. filter]))
            .EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal([1L], Ids("--tag", "keep"));
        Assert.Equal([2L, 1L], Ids("--scenario", "dealer-single"));
        Assert.Empty(Ids("--scenario", "dealer-large"));
        Assert.Equal([2L, 1L], Ids("--status", "done"));
        Assert.Equal([2L], Ids("--limit", "1"));
        Assert.Equal([2L, 1L], Ids("--since", "2000-01-01"));
        Assert.Empty(Ids("--until", "2000-01-01"));
    }

    [Fact]
    public void BadInputToRuns_ExitsWithCode2_AndAClearMessage()
    {
        using var dir = new TempDir();
        var store = Path.Combine(dir.Path, "s.db");
        Assert.Equal(0, RunSmall(dir, "a", 1).ExitCode);
        foreach (var (args, message) in new (string[], string)[]
        {
            (["runs", "show", "99"], "has no run 99"),
            (["runs", "compare", "1", "99"], "has no run 99"),
            (["runs", "delete", "1", "99"], "has no run 99"),
            (["runs", "list", "--since", "last tuesday"], "bad date 'last tuesday'"),
            (["runs", "list", "--status", "finished"], "unknown status 'finished'"),
        })
        {
            var r = CliRunner.Run(dir.Path, [.. args, "--store", store]);
            Assert.True(r.ExitCode == 2, $"{string.Join(' ', args)}: exit {r.ExitCode}");
            Assert.Contains(message, r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
        Assert.Equal(2, CliRunner.Run(dir.Path, "runs", "show", "x", "--store", store).ExitCode);
        Assert.Equal(2, CliRunner.Run(dir.Path, "runs", "compare", "1", "--store", store).ExitCode);
        Assert.Single(Json(CliRunner.Run(dir.Path, "runs", "list", "--store", store, "--json")).EnumerateArray()); // delete refused whole
    }

    [Fact]
    public void AStoreFromANewerLiqlab_IsRefused_BeforeAnythingRuns()
    {
        using var dir = new TempDir();
        var store = Path.Combine(dir.Path, "s.db");
        Assert.Equal(0, RunSmall(dir, "a", 1).ExitCode);
        using (var c = new SqliteConnection($"Data Source={store};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA user_version = 99;";
            cmd.ExecuteNonQuery();
        }
        var run = RunSmall(dir, "b", 2);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"store {store} has schema version 99, newer than this liqlab supports", run.Stderr);
        Assert.Contains("upgrade liqlab", run.Stderr);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "b")));
        Assert.Equal(2, CliRunner.Run(dir.Path, "runs", "list", "--store", store).ExitCode);
    }

    [Fact]
    public void ARunThatFails_IsRecordedAsFailed_WithItsError()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "taken"), "a file where the run folder should go");
        var run = RunSmall(dir, "taken", 1);
        Assert.Equal(1, run.ExitCode);
        var r = Assert.Single(Json(CliRunner.Run(dir.Path, "runs", "list", "--store", Path.Combine(dir.Path, "s.db"), "--json")).EnumerateArray());
        Assert.Equal("failed", r.GetProperty("status").GetString());
        Assert.Contains("is a file, not a folder", r.GetProperty("error").GetString());
        Assert.Empty(r.GetProperty("metrics").EnumerateObject());
    }

    // Starts a long run and waits until it has recorded itself and begun writing (its staging folder exists).
    private static System.Diagnostics.Process StartLongRun(TempDir dir, string name)
    {
        var process = CliRunner.Start(dir.Path, "run", "dealer-large", "--set", "clients.count=3000000",
            "--out", Path.Combine(dir.Path, name), "--store", Path.Combine(dir.Path, "s.db"));
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!Directory.EnumerateDirectories(dir.Path).Any(d => Path.GetFileName(d).StartsWith($".{name}.partial-", StringComparison.Ordinal)))
        {
            if (process.HasExited) Assert.Fail("the run ended before it could be interrupted: " + process.StandardError.ReadToEnd());
            Assert.True(DateTime.UtcNow < deadline, "the run never started writing");
            Thread.Sleep(50);
        }
        return process;
    }

    [Fact]
    public void AKilledRun_IsNeverDone_AndReadsAsIncomplete()
    {
        using var dir = new TempDir();
        using var process = StartLongRun(dir, "big");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        var r = Assert.Single(Json(CliRunner.Run(dir.Path, "runs", "list", "--store", Path.Combine(dir.Path, "s.db"), "--json")).EnumerateArray());
        Assert.Equal("incomplete", r.GetProperty("status").GetString());
        Assert.Contains("ended without finishing the run", r.GetProperty("error").GetString());
        Assert.Empty(r.GetProperty("metrics").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("folder").ValueKind);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "big")));
    }

    [Fact]
    public void AStoreFailureAfterTheRun_KeepsTheRunFolder_AndSaysSo()
    {
        using var dir = new TempDir();
        using var process = StartLongRun(dir, "big");
        // the record disappears under the running process: completing it must fail, loudly
        using (var c = new SqliteConnection($"Data Source={Path.Combine(dir.Path, "s.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "PRAGMA busy_timeout = 30000; DELETE FROM runs;";
            cmd.ExecuteNonQuery();
        }
        var r = CliRunner.Finish(process);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"the run folder {Path.Combine(dir.Path, "big")} is complete, but recording it in the results store failed", r.Stderr);
        Assert.Contains("has no run 1", r.Stderr);
        Assert.True(File.Exists(Path.Combine(dir.Path, "big", "report.html")));
    }
}
