using System.CommandLine;

namespace LiquidityLab.Cli;

/// <summary>Exit codes and top-level error handling shared by every command.</summary>
internal static class CliHost
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int UsageOrInputError = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("run 'liqlab --help' for usage");
            return UsageOrInputError;
        }
        return parse.Invoke();
    }
}
