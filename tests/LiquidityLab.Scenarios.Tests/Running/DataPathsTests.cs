using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Tests.Running;

public class DataPathsTests
{
    [Fact]
    public void ARepositoryPath_IsFoundFromAFolderBelowTheRoot()
    {
        const string sample = "data/samples/lobster/README.md";
        var resolved = DataPaths.Resolve(sample);
        Assert.True(Path.IsPathRooted(resolved) || File.Exists(resolved), resolved);
        Assert.True(File.Exists(resolved));
        Assert.EndsWith(Path.Combine("data", "samples", "lobster", "README.md"), resolved);
    }

    [Fact]
    public void APathFoundNowhere_IsReturnedAsGiven_ForTheLoadersError()
    {
        Assert.Equal("no/such/file.csv", DataPaths.Resolve("no/such/file.csv"));
        var rooted = Path.Combine(Path.GetTempPath(), "liqlab-none.csv");
        Assert.Equal(rooted, DataPaths.Resolve(rooted));
    }
}
