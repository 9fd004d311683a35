namespace LiquidityLab.Results.Tests;

public class ResultsStoreDeleteTests
{
    private static string MakeFolder(string path)
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "summary.json"), "{}");
        return path;
    }

    private static long DoneRun(ResultsStore store, string folder, long seed = 1)
    {
        var id = store.RecordStart(Runs.Start(seed: seed));
        store.RecordDone(id, Runs.Done(folder, ("k", seed)));
        return id;
    }

    [Fact]
    public void Delete_RemovesTheRowsAndTheirMetrics_AndLeavesFoldersUnlessAsked()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var folder = MakeFolder(dir.File("a"));
        var a = DoneRun(store, folder, 1);
        var b = DoneRun(store, MakeFolder(dir.File("b")), 2);

        var result = store.Delete([a], files: false);
        Assert.Equal([new DeletedRun(a, null, null)], result);
        Assert.Null(store.Find(a));
        Assert.Empty(store.Metrics(a));
        Assert.True(Directory.Exists(folder));
        Assert.NotNull(store.Find(b));
    }

    [Fact]
    public void DeleteWithFiles_RemovesAFolderInsideTheStoresRoot()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var folder = MakeFolder(dir.File("deep/a"));
        var id = DoneRun(store, folder);
        Assert.Equal([new DeletedRun(id, Path.GetFullPath(folder), null)], store.Delete([id], files: true));
        Assert.False(Directory.Exists(folder));
        Assert.True(Directory.Exists(dir.File("deep")));
        Assert.True(File.Exists(dir.File("s.db")));
    }

    [Fact]
    public void DeleteWithFiles_RefusesAFolderOutsideTheRoot_AndDeletesNothing()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("store"));
        using var store = ResultsStore.Open(dir.File("store/s.db"));
        var outside = MakeFolder(dir.File("elsewhere"));
        var sibling = MakeFolder(dir.File("store-sibling")); // shares the root's name as a prefix
        var inside = DoneRun(store, MakeFolder(dir.File("store/in")), 1);
        var a = DoneRun(store, outside, 2);
        var b = DoneRun(store, sibling, 3);

        foreach (var id in new[] { a, b })
        {
            var e = Assert.Throws<StoreInputException>(() => store.Delete([inside, id], files: true));
            Assert.Contains("not inside the store's folder", e.Message);
            Assert.Contains("nothing was deleted", e.Message);
        }
        Assert.Equal(3, store.List().Count);
        Assert.True(Directory.Exists(outside) && Directory.Exists(sibling) && Directory.Exists(dir.File("store/in")));
    }

    [Fact]
    public void DeleteWithFiles_NeverFollowsASymbolicLinkOutOfTheRoot()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.File("store"));
        using var store = ResultsStore.Open(dir.File("store/s.db"));
        var target = MakeFolder(dir.File("precious"));
        Directory.CreateSymbolicLink(dir.File("store/link"), target);
        var viaLink = DoneRun(store, dir.File("store/link"), 1);
        var belowLink = DoneRun(store, dir.File("store/link/sub"), 2);
        MakeFolder(dir.File("precious/sub"));

        foreach (var id in new[] { viaLink, belowLink })
        {
            var e = Assert.Throws<StoreInputException>(() => store.Delete([id], files: true));
            Assert.Contains("symbolic link", e.Message);
        }
        Assert.True(File.Exists(dir.File("precious/summary.json")));
        Assert.True(Directory.Exists(dir.File("precious/sub")));
    }

    [Fact]
    public void DeleteWithFiles_KeepsAFolderThatALaterRunReplaced()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var folder = MakeFolder(dir.File("dealer-single-seed7"));
        var first = DoneRun(store, folder, 7);
        var second = DoneRun(store, folder, 7); // the same name and seed: the second run replaced the folder

        var result = store.Delete([first], files: true).Single();
        Assert.Null(result.RemovedFolder);
        Assert.Contains($"also the folder of run {second}", result.KeptFolderReason);
        Assert.True(Directory.Exists(folder));

        Assert.Equal(Path.GetFullPath(folder), store.Delete([second], files: true).Single().RemovedFolder);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Delete_AnUnknownIdOrALiveRun_IsRefused_AndNothingIsDeleted()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var done = DoneRun(store, MakeFolder(dir.File("a")));
        var running = store.RecordStart(Runs.Start());

        Assert.Contains("has no run 77", Assert.Throws<StoreInputException>(() => store.Delete([done, 77], files: true)).Message);
        Assert.Contains("still running", Assert.Throws<StoreInputException>(() => store.Delete([done, running], files: false)).Message);
        Assert.Equal(2, store.List().Count);
        Assert.True(Directory.Exists(dir.File("a")));
    }

    [Fact]
    public void DeleteWithFiles_OfAFolderAlreadyGone_SaysSo()
    {
        using var dir = new TempDir();
        using var store = ResultsStore.Open(dir.File("s.db"));
        var id = DoneRun(store, dir.File("never-made"));
        var r = store.Delete([id], files: true).Single();
        Assert.Contains("no longer exists", r.KeptFolderReason);
        Assert.Null(store.Find(id));
    }
}
