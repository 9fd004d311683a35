using System.CommandLine;
using LiquidityLab.Results;

namespace LiquidityLab.Cli.Commands.Runs;

/// <summary><c>liqlab runs list|show|compare|delete</c>: what the results store recorded.</summary>
internal static class RunsCommand
{
    /// <summary>Where <c>liqlab run</c> records by default when run folders go to <c>runs/</c>.</summary>
    public static readonly string DefaultStore = Path.Combine("runs", ResultsStore.FileName);

    public static Command Create() => new("runs", $"Recorded runs in the results store (default {DefaultStore})")
    {
        ListCommand.Create(),
        ShowCommand.Create(),
        CompareCommand.Create(),
        DeleteCommand.Create(),
    };

    public static Option<string?> StoreOption() => new("--store") { Description = $"results store (default {DefaultStore})" };

    public static Option<bool> JsonOption() => new("--json") { Description = "print JSON (snake_case keys) instead of tables" };

    /// <summary>Opens an existing store; a missing one is bad input, not a new empty store.</summary>
    public static ResultsStore Open(string? path) =>
        ResultsStore.Open(path ?? DefaultStore, new ResultsStoreOptions { CreateIfMissing = false });

    /// <summary>A path as the user reads it: relative to the working directory when inside it.</summary>
    public static string Display(string? path)
    {
        if (path is null) return "";
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }
}
