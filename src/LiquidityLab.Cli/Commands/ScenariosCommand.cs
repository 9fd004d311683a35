using System.CommandLine;
using System.Text.Json;
using LiquidityLab.Scenarios;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab scenarios</c>: the bundled scenarios, one line each.</summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print a JSON array instead of a table" };
        var cmd = new Command("scenarios", "List the bundled scenarios (any command taking FILE accepts their names)") { json };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            var rows = BundledScenarios.Names.Select(name =>
            {
                var loaded = ScenarioLoader.Load(name);
                return (Name: name, Kind: Yaml(loaded.Scenario), loaded.Scenario.Description);
            }).ToArray();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { name = r.Name, kind = r.Kind, description = r.Description }),
                    new JsonSerializerOptions { WriteIndented = true }));
                return CliHost.Ok;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("scenario", "kind", "description");
            foreach (var r in rows) table.AddRow(Markup.Escape(r.Name), r.Kind, Markup.Escape(r.Description));
            CliHost.Out.Write(table);
            return CliHost.Ok;
        }));
        return cmd;
    }

    private static string Yaml(LiquidityLab.Scenarios.Schema.Scenario s) => LiquidityLab.Scenarios.Yaml.ScenarioNaming.KindOf(s.GetType());
}
