using System.CommandLine;
using System.Text.Json;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Sweeps;
using LiquidityLab.Scenarios.Yaml;
using Spectre.Console;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab scenarios</c>: the bundled scenarios, one line each (a sweep with its number of cases).</summary>
internal static class ScenariosCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "print a JSON array instead of a table" };
        var cmd = new Command("scenarios", "List the bundled scenarios (any command taking FILE accepts their names)") { json };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            TableOutput.Prepare();
            var rows = BundledScenarios.Names.Select(Describe).ToArray();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { name = r.Name, kind = r.Kind, sweep_cases = r.Cases, description = r.Description }),
                    new JsonSerializerOptions { WriteIndented = true }));
                return CliHost.Ok;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("scenario", "kind", "description");
            foreach (var r in rows)
                table.AddRow(Markup.Escape(r.Name), r.Cases is { } n ? $"{r.Kind} sweep ({n} cases)" : r.Kind, Markup.Escape(r.Description));
            CliHost.Out.Write(table);
            return CliHost.Ok;
        }));
        return cmd;
    }

    private static (string Name, string Kind, int? Cases, string Description) Describe(string name)
    {
        var (source, text) = ScenarioLoader.ReadSource(name);
        if (SweepLoader.IsSweep(text, source))
        {
            var sweep = SweepLoader.Parse(text, source);
            return (name, ScenarioNaming.KindOf(sweep.Base.Scenario.GetType()), sweep.Cases.Count, sweep.Base.Scenario.Description);
        }
        if (Scenarios.Optimization.OptimizeLoader.IsOptimization(text, source))
        {
            var o = Scenarios.Optimization.OptimizeLoader.Parse(text, source);
            return (name, "alpha optimisation", null, o.Scenario.Description);
        }
        var loaded = ScenarioLoader.Parse(text, source);
        return (name, ScenarioNaming.KindOf(loaded.Scenario.GetType()), null, loaded.Scenario.Description);
    }
}
