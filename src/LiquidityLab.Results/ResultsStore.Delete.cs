namespace LiquidityLab.Results;

public sealed partial class ResultsStore
{
    /// <summary>
    /// Removes runs from the store, and with <paramref name="files"/> their run folders. Checks every
    /// id first and changes nothing if one is wrong. A folder is removed only when it lies strictly
    /// inside <see cref="Root"/> with no symbolic link on the way, and no other run kept in the store
    /// points at it (a later run of the same name and seed replaced it).
    /// </summary>
    /// <exception cref="StoreInputException">An unknown id, a run still running, or (with files) a folder outside the root.</exception>
    public IReadOnlyList<DeletedRun> Delete(IReadOnlyList<long> ids, bool files)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var distinct = ids.Distinct().ToArray();
        var runs = distinct.Select(Get).ToArray();
        foreach (var run in runs)
            if (run.Status == RunStatus.Running)
                throw new StoreInputException($"run {run.Id} is still running (process {run.ProcessId} on {run.Host}); delete it once it has ended");

        var plan = new List<(StoredRun Run, string? Folder, string? Kept)>();
        foreach (var run in runs)
        {
            if (!files || run.Folder is null) { plan.Add((run, null, null)); continue; }
            if (FolderOutsideRoot(run.Folder) is { } why)
                throw new StoreInputException($"run {run.Id}: not removing its folder {run.Folder}: {why}; nothing was deleted (leave out --files to delete only the record)");
            var sharedWith = List(new RunFilter()).FirstOrDefault(o => !distinct.Contains(o.Id) && o.Folder is { } f && SamePath(f, run.Folder));
            if (sharedWith != null) plan.Add((run, null, $"kept {run.Folder}: it is also the folder of run {sharedWith.Id}"));
            else if (!Directory.Exists(run.Folder)) plan.Add((run, null, $"{run.Folder} no longer exists"));
            else plan.Add((run, run.Folder, null));
        }

        Write(tx =>
        {
            using var cmd = Command(tx, "DELETE FROM metrics WHERE run_id = $id; DELETE FROM tags WHERE run_id = $id; DELETE FROM parameters WHERE run_id = $id; DELETE FROM runs WHERE id = $id;");
            var pId = cmd.Parameters.Add("$id", Microsoft.Data.Sqlite.SqliteType.Integer);
            foreach (var id in distinct)
            {
                pId.Value = id;
                cmd.ExecuteNonQuery();
            }
            return 0;
        });

        var result = new List<DeletedRun>();
        foreach (var (run, folder, kept) in plan)
        {
            if (folder is null) { result.Add(new DeletedRun(run.Id, null, kept)); continue; }
            try
            {
                Directory.Delete(folder, recursive: true); // removes links inside, never follows them
                result.Add(new DeletedRun(run.Id, folder, null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                result.Add(new DeletedRun(run.Id, null, $"could not remove {folder}: {e.Message}"));
            }
        }
        return result;
    }

    // Null when the folder may be removed; otherwise why not.
    private string? FolderOutsideRoot(string folder)
    {
        var root = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(Root));
        var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(folder));
        var prefix = root + System.IO.Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, PathComparison) || full.Length <= prefix.Length)
            return $"it is not inside the store's folder {root}";
        for (var dir = new DirectoryInfo(full); dir != null && dir.FullName.Length > root.Length; dir = dir.Parent)
            if (dir.LinkTarget != null) return $"{dir.FullName} is a symbolic link";
        return null;
    }

    private static StringComparison PathComparison => OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparison.OrdinalIgnoreCase
        : StringComparison.Ordinal;

    private static bool SamePath(string a, string b) =>
        string.Equals(System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(a)),
            System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(b)), PathComparison);
}
