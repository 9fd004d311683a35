using System.CommandLine;
using System.Globalization;
using LiquidityLab.Results;
using LiquidityLab.Scenarios.Running;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary><c>liqlab runs show ID [--json | --yaml]</c>: every field of one run, its metrics and files.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("ID") { Description = "run id (see 'liqlab runs list')" };
        var store = RunsCommand.StoreOption();
        var json = RunsCommand.JsonOption();
        var yaml = new Option<bool>("--yaml") { Description = "print only the resolved scenario (runs again with 'liqlab run FILE')" };
        var cmd = new Command("show", "Show one recorded run: fields, metrics, files") { id, store, json, yaml };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            if (parse.GetValue(json) && parse.GetValue(yaml)) return CliErrors.Input("--json and --yaml cannot be used together");
            using var db = RunsCommand.Open(parse.GetValue(store));
            var run = db.Get(parse.GetValue(id));
            var metrics = db.Metrics(run.Id);
            if (parse.GetValue(yaml))
            {
                Console.Write(run.ResolvedYaml);
                return CliHost.Ok;
            }
            if (parse.GetValue(json))
            {
                Console.WriteLine(RunJson.Write(w => RunJson.Run(w, run, metrics, withConfig: true)));
                return CliHost.Ok;
            }

            var fields = new Table().Border(TableBorder.Simple).Title($"run {run.Id}").AddColumns("field", "value");
            void Field(string name, string? value) => fields.AddRow(name, Markup.Escape(value ?? ""));
            Field("scenario", run.Scenario);
            Field("kind", run.Kind);
            Field("source", run.Source);
            Field("seed", run.Seed.ToString(CultureInfo.InvariantCulture));
            fields.AddRow("status", ListCommand.Status(run.Status));
            Field("started (UTC)", StoreTime.ToText(run.StartedAt));
            Field("finished (UTC)", run.FinishedAt is { } f ? StoreTime.ToText(f) : null);
            Field("wall seconds", run.WallSeconds?.ToString("0.000", CultureInfo.InvariantCulture));
            Field("folder", run.Folder);
            Field("files", string.Join(", ", run.Files));
            Field("tags", string.Join(", ", run.Tags));
            if (run.SweepId != null) Field("sweep", run.SweepId);
            if (run.CaseName != null) Field("case", run.CaseName);
            foreach (var p in db.Parameters(run.Id)) fields.AddRow(Markup.Escape("swept " + p.Key), Markup.Escape(p.Value));
            if (run.Error != null) Field("error", run.Error);
            Field("process", $"{run.ProcessId} on {run.Host}");
            CliHost.Out.Write(fields);

            if (metrics.Count > 0)
            {
                var table = new Table().Border(TableBorder.Simple).AddColumn("metric").AddColumn(new TableColumn("value").RightAligned());
                foreach (var m in metrics) table.AddRow(Markup.Escape(m.Key), Format.Number(m.Value, 10));
                CliHost.Out.Write(table);
            }
            CliHost.Out.MarkupLine($"resolved scenario: [bold]liqlab runs show {run.Id} --yaml[/]");
            return CliHost.Ok;
        }));
        return cmd;
    }
}
