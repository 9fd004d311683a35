namespace LiquidityLab.Scenarios.Running;

/// <summary>
/// A run's output folder, built in a hidden staging folder beside the target and renamed into place
/// only when every file is complete. An interrupted run leaves no folder that looks finished (only a
/// hidden <c>.NAME.partial-*</c> one, removed on the way out whenever the process can).
/// </summary>
public sealed class RunFolder : IDisposable
{
    private bool _committed;

    private RunFolder(string target, string staging)
    {
        Target = target;
        Staging = staging;
    }

    /// <summary>Where the folder will be once committed.</summary>
    public string Target { get; }

    /// <summary>Where files are written until then.</summary>
    public string Staging { get; }

    public static RunFolder Create(string target)
    {
        var full = System.IO.Path.GetFullPath(target.TrimEnd('/', '\\'));
        if (File.Exists(full)) throw new IOException($"output path {target} is a file, not a folder");
        var parent = System.IO.Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        var staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(full)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new RunFolder(full, staging);
    }

    public string PathOf(string fileName) => System.IO.Path.Combine(Staging, fileName);

    /// <summary>Moves the finished folder into place, replacing an earlier run at the same path.</summary>
    public void Commit()
    {
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Target)!, $".{System.IO.Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
        }
        Directory.Move(Staging, Target);
        _committed = true;
        if (old != null) Directory.Delete(old, recursive: true);
    }

    public void Dispose()
    {
        if (_committed || !Directory.Exists(Staging)) return;
        try { Directory.Delete(Staging, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
