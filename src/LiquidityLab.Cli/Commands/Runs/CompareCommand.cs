using System.CommandLine;
using System.Globalization;
using LiquidityLab.Results;
using LiquidityLab.Scenarios.Running;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary>
/// <c>liqlab runs compare ID ID [...] [--json]</c>: metrics side by side, one column per run in the
/// order given; rows are every key any of them has, in first-seen order; with exactly two runs, a
/// difference column (second minus first).
/// </summary>
internal static class CompareCommand
{
    public static Command Create()
    {
        var ids = new Argument<long[]>("ID") { Description = "two or more run ids", Arity = new ArgumentArity(2, 64) };
        var store = RunsCommand.StoreOption();
        var json = RunsCommand.JsonOption();
        var cmd = new Command("compare", "Compare the metrics of recorded runs side by side") { ids, store, json };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            using var db = RunsCommand.Open(parse.GetValue(store));
            var runs = parse.GetValue(ids)!.Select(db.Get).ToArray();
            var recorded = runs.Select(r => db.Metrics(r.Id)).ToArray();
            var metrics = recorded.Select(list => list.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal)).ToArray();
            var keys = recorded.SelectMany(list => list.Select(m => m.Key)).Distinct(StringComparer.Ordinal).ToArray();
            double? ValueOf(int run, string key) => metrics[run].TryGetValue(key, out var v) && double.IsFinite(v) ? v : null;
            double? Difference(string key) => runs.Length == 2 && ValueOf(0, key) is { } a && ValueOf(1, key) is { } b ? b - a : null;

            if (parse.GetValue(json))
            {
                Console.WriteLine(RunJson.Write(w =>
                {
                    w.WriteStartObject();
                    w.WriteStartArray("runs");
                    foreach (var r in runs)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("id", r.Id);
                        w.WriteString("scenario", r.Scenario);
                        w.WriteNumber("seed", r.Seed);
                        w.WriteString("status", ResultsStore.Text(r.Status));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("metrics");
                    foreach (var key in keys)
                    {
                        w.WriteStartObject();
                        w.WriteString("key", key);
                        w.WriteStartArray("values");
                        for (var i = 0; i < runs.Length; i++) RunJson.NumberValue(w, ValueOf(i, key));
                        w.WriteEndArray();
                        if (runs.Length == 2) RunJson.Number(w, "difference", Difference(key));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }));
                return CliHost.Ok;
            }

            var table = new Table().Border(TableBorder.Simple).AddColumn("metric");
            foreach (var r in runs)
                table.AddColumn(new TableColumn(Markup.Escape($"run {r.Id.ToString(CultureInfo.InvariantCulture)} ({r.Scenario}, seed {r.Seed.ToString(CultureInfo.InvariantCulture)})")).RightAligned());
            if (runs.Length == 2) table.AddColumn(new TableColumn("difference").RightAligned());
            foreach (var key in keys)
            {
                var row = new List<string> { Markup.Escape(key) };
                for (var i = 0; i < runs.Length; i++) row.Add(ValueOf(i, key) is { } v ? Format.Number(v, 10) : "");
                if (runs.Length == 2) row.Add(Difference(key) is { } d ? Format.Number(d, 10) : "");
                table.AddRow(row.ToArray());
            }
            CliHost.Out.Write(table);
            foreach (var r in runs.Where(r => r.Status != RunStatus.Done))
                CliHost.Out.MarkupLine($"[yellow]note:[/] run {r.Id} is {ResultsStore.Text(r.Status)} and has no metrics");
            return CliHost.Ok;
        }));
        return cmd;
    }
}
