namespace LiquidityLab.Cli.Tests.Commands;

public class LobsterCommandTests
{
    private static string AmznMessages => Path.Combine(FindRoot(), "data", "samples", "lobster", "AMZN_2012-06-21_34200000_57600000_message_1.csv");

    [Fact]
    public void Facts_FindsTheOrderbookFile_AndPrintsTheStylizedFacts()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "lobster", "facts", AmznMessages, "--interval", "300");
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("sampled every 300 s", r.Stdout);
        Assert.Contains("excess kurtosis", r.Stdout);
        Assert.Contains("11,419: mean 71.0", r.Stdout);
    }

    [Fact]
    public void Facts_WithABadInterval_NamesTheOptionAndExitsWith2()
    {
        using var dir = new TempDir();
        var r = CliRunner.Run(dir.Path, "lobster", "facts", AmznMessages, "--interval", "0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--interval 0: allowed are seconds > 0", r.Stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "LiquidityLab.sln"))) return dir.FullName;
        throw new InvalidOperationException($"LiquidityLab.sln not found above {AppContext.BaseDirectory}");
    }
}
