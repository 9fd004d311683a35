using System.CommandLine;
using System.Globalization;
using LiquidityLab.Results;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary><c>liqlab runs list [--scenario S] [--tag T] [--since DATE] [--until DATE] [--status S] [--sweep ID] [--limit N] [--json]</c>.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var store = RunsCommand.StoreOption();
        var json = RunsCommand.JsonOption();
        var scenario = new Option<string?>("--scenario") { Description = "only runs of this scenario (by name)" };
        var tag = new Option<string?>("--tag") { Description = "only runs with this tag" };
        var since = new Option<string?>("--since") { Description = "only runs started at or after DATE (YYYY-MM-DD or ISO 8601 time; UTC)" };
        var until = new Option<string?>("--until") { Description = "only runs started before the end of DATE (a day includes the whole day; UTC)" };
        var status = new Option<string?>("--status") { Description = "only runs with this status: running, done, failed, cancelled, incomplete" };
        var sweep = new Option<string?>("--sweep") { Description = "only the cases of this sweep" };
        var limit = new Option<int?>("--limit") { Description = "at most N runs, the newest" };
        var cmd = new Command("list", "List recorded runs, newest first") { store, scenario, tag, since, until, status, sweep, limit, json };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            var filter = new RunFilter(
                Scenario: parse.GetValue(scenario),
                Tag: parse.GetValue(tag),
                Since: parse.GetValue(since) is { } s ? StoreTime.ParseBound(s, upper: false) : null,
                Until: parse.GetValue(until) is { } u ? StoreTime.ParseBound(u, upper: true) : null,
                Status: parse.GetValue(status) is { } st ? ResultsStore.ParseStatusArgument(st) : null,
                SweepId: parse.GetValue(sweep),
                Limit: parse.GetValue(limit));
            using var db = RunsCommand.Open(parse.GetValue(store));
            var runs = db.List(filter);
            if (parse.GetValue(json))
            {
                Console.WriteLine(RunJson.Write(w =>
                {
                    w.WriteStartArray();
                    foreach (var run in runs) RunJson.Run(w, run, db.Metrics(run.Id), withConfig: false);
                    w.WriteEndArray();
                }));
                return CliHost.Ok;
            }
            if (runs.Count == 0)
            {
                Console.WriteLine($"no runs match in {RunsCommand.Display(db.Path)}");
                return CliHost.Ok;
            }
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn(new TableColumn("id").RightAligned())
                .AddColumns("started (UTC)", "scenario")
                .AddColumn(new TableColumn("seed").RightAligned())
                .AddColumn("status")
                .AddColumn(new TableColumn("wall s").RightAligned())
                .AddColumns("tags", "folder");
            foreach (var r in runs)
            {
                table.AddRow(
                    r.Id.ToString(CultureInfo.InvariantCulture),
                    r.StartedAt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(r.CaseName is { } c ? $"{r.Scenario} [{c}]" : r.Scenario),
                    r.Seed.ToString(CultureInfo.InvariantCulture),
                    Status(r.Status),
                    r.WallSeconds is { } w ? w.ToString("0.00", CultureInfo.InvariantCulture) : "",
                    Markup.Escape(string.Join(", ", r.Tags)),
                    Markup.Escape(RunsCommand.Display(r.Folder)));
            }
            CliHost.Out.Write(table);
            return CliHost.Ok;
        }));
        return cmd;
    }

    public static string Status(RunStatus status) => status switch
    {
        RunStatus.Done => "[green]done[/]",
        RunStatus.Failed => "[red]failed[/]",
        RunStatus.Incomplete => "[red]incomplete[/]",
        RunStatus.Cancelled => "[yellow]cancelled[/]",
        _ => ResultsStore.Text(status),
    };
}
