using System.CommandLine;
using LiquidityLab.Scenarios;
using LiquidityLab.Scenarios.Sweeps;
using LiquidityLab.Scenarios.Yaml;

namespace LiquidityLab.Cli.Commands;

/// <summary><c>liqlab validate FILE</c>: checks a scenario (or a sweep and every one of its cases) without running it.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "scenario YAML file, or the name of a bundled scenario" };
        var set = RunCommand.SetOption();
        var print = new Option<bool>("--print") { Description = "print the resolved scenario, every default filled in (for a sweep: the base scenario and the sweep block)" };
        var cmd = new Command("validate", "Check a scenario file against the schema without running it (a sweep: every case)") { file, set, print };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            var (source, text) = ScenarioLoader.ReadSource(parse.GetValue(file)!);
            if (SweepLoader.IsSweep(text, source))
            {
                var sweep = SweepLoader.Parse(text, source, parse.GetValue(set));
                if (parse.GetValue(print)) Console.Write(sweep.ResolvedYaml);
                else Console.WriteLine($"{source}: valid {ScenarioNaming.KindOf(sweep.Base.Scenario.GetType())} sweep '{sweep.Base.Scenario.Name}' of {sweep.Cases.Count} cases");
                return CliHost.Ok;
            }
            if (Scenarios.Optimization.OptimizeLoader.IsOptimization(text, source))
            {
                var o = Scenarios.Optimization.OptimizeLoader.Parse(text, source, parse.GetValue(set));
                if (parse.GetValue(print)) Console.Write(o.ResolvedYaml);
                else Console.WriteLine($"{source}: valid alpha optimisation '{o.Scenario.Name}' of {o.Definition.Parameters.Count} parameter(s)");
                return CliHost.Ok;
            }
            var loaded = ScenarioLoader.Parse(text, source, parse.GetValue(set));
            if (parse.GetValue(print)) Console.Write(loaded.ResolvedYaml);
            else Console.WriteLine($"{loaded.Source}: valid {ScenarioNaming.KindOf(loaded.Scenario.GetType())} scenario '{loaded.Scenario.Name}'");
            return CliHost.Ok;
        }));
        return cmd;
    }
}
