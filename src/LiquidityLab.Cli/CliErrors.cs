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

/// <summary>Spectre.Console settings for output that may be piped: no colour codes, and tables not cut to 80 columns.</summary>
internal static class TableOutput
{
    public static void Prepare()
    {
        if (!Console.IsOutputRedirected) return;
        Spectre.Console.AnsiConsole.Profile.Capabilities.Ansi = false;
        Spectre.Console.AnsiConsole.Profile.Width = 200;
    }
}
