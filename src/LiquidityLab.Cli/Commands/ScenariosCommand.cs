using System.CommandLine;

namespace LiquidityLab.Cli.Commands;

internal static class ScenariosCommand
{
    public static Command Create()
    {
        var cmd = new Command("scenarios", "List the bundled scenarios");
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var file = new Argument<string>("FILE") { Description = "scenario", Arity = ArgumentArity.ZeroOrOne };
        cmd.Options.Add(json);
        cmd.Arguments.Add(file);
        cmd.SetAction(parse =>
        {
            Console.WriteLine($"json={parse.GetValue(json)} file={parse.GetValue(file)}");
            return 0;
        });
        return cmd;
    }
}
