namespace LiquidityLab.Cli;

/// <summary>One way to report a user error: a clear message on stderr and the usage/input exit code.</summary>
internal static class CliErrors
{
    public static int Input(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return CliHost.UsageOrInputError;
    }
}
