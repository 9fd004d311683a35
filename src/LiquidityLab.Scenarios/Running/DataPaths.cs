namespace LiquidityLab.Scenarios.Running;

/// <summary>
/// Where a scenario's data file is. A relative path is taken from the working directory first; if it is
/// not there, from each folder above it, then from each folder above the program. So the bundled
/// scenarios that read the repository's sample data (data/samples/...) run from anywhere inside a clone,
/// and from the built program. A path found nowhere is returned as given, for the loader's error message.
/// </summary>
public static class DataPaths
{
    public static string Resolve(string path)
    {
        if (string.IsNullOrEmpty(path) || Path.IsPathRooted(path) || File.Exists(path)) return path;
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, path);
                if (File.Exists(candidate)) return candidate;
            }
        return path;
    }
}
