using System.CommandLine;
using LiquidityLab.Scenarios;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab validate FILE</c>: checks a scenario without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "scenario YAML file, or the name of a bundled scenario" };
        var set = RunCommand.SetOption();
        var print = new Option<bool>("--print") { Description = "print the resolved scenario, every default filled in" };
        var cmd = new Command("validate", "Check a scenario file against the schema without running it") { file, set, print };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(file)!, parse.GetValue(set));
            if (parse.GetValue(print)) Console.Write(loaded.ResolvedYaml);
            else Console.WriteLine($"{loaded.Source}: valid {LiquidityLab.Scenarios.Yaml.ScenarioNaming.KindOf(loaded.Scenario.GetType())} scenario '{loaded.Scenario.Name}'");
            return CliHost.Ok;
        }));
        return cmd;
    }
}
