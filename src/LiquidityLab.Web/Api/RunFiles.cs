using LiquidityLab.Results;

namespace LiquidityLab.Web.Api;

/// <summary>
/// The only way a request reaches a file: a run's recorded file list is the allow-list. A name is served
/// only if it is a plain file name (letters, digits, '.', '-', '_'; no separator, no "..", no leading
/// dot), is in that list, resolves to a regular file directly inside the run's recorded folder, and
/// neither the folder nor the file is a symbolic link. Everything else is "not found".
/// </summary>
public static class RunFiles
{
    /// <summary>Files larger than this are not served (the dashboard never needs them whole).</summary>
    public const long MaxServedBytes = 512L << 20;

    public static bool IsPlainName(string name) =>
        name.Length is > 0 and <= 128 && !name.Contains("..", StringComparison.Ordinal) && char.IsAsciiLetterOrDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    /// <summary>The full path of file <paramref name="name"/> of <paramref name="run"/>, or null when it is not one of its files.</summary>
    public static string? Resolve(StoredRun run, string name)
    {
        if (run.Status != RunStatus.Done || run.Folder is not { } folder) return null;
        if (!IsPlainName(name) || !run.Files.Contains(name, StringComparer.Ordinal)) return null;
        var root = Path.GetFullPath(folder);
        var full = Path.GetFullPath(Path.Combine(root, name));
        if (!string.Equals(Path.GetDirectoryName(full), root.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal)) return null;
        var dir = new DirectoryInfo(root);
        var file = new FileInfo(full);
        if (!dir.Exists || dir.LinkTarget != null || !file.Exists || file.LinkTarget != null) return null;
        return full;
    }

    public static string Require(StoredRun run, string name) =>
        Resolve(run, name) ?? throw ApiError.NotFound($"run {run.Id} has no file '{Trim(name)}'");

    public static bool Has(StoredRun run, string name) => Resolve(run, name) != null;

    public static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".json" => "application/json; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".yaml" or ".yml" or ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };

    // Echo at most a short, printable part of what was asked for.
    internal static string Trim(string text)
    {
        var clean = new string(text.Take(80).Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return text.Length > 80 ? clean + "…" : clean;
    }
}
