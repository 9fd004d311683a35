namespace LiquidityLab.Scenarios.Tests;

/// <summary>Finds files of the repository: walks up from the test binaries to the folder holding LiquidityLab.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string AmznMessages => Path.Combine(Root, "data", "samples", "lobster", "AMZN_2012-06-21_34200000_57600000_message_1.csv");
    public static string AmznOrderbook => Path.Combine(Root, "data", "samples", "lobster", "AMZN_2012-06-21_34200000_57600000_orderbook_1.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LiquidityLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"LiquidityLab.sln not found above {AppContext.BaseDirectory}");
    }
}
