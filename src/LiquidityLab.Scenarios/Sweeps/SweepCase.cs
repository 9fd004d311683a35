using System.Globalization;
using System.Text;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>One case of a sweep, bound and validated: the base scenario plus its assignments.</summary>
/// <param name="Number">1-based position in the sweep's case order.</param>
/// <param name="Id">Folder name under <c>cases/</c>, e.g. <c>001-calm-spread=0.05-volatility=0.3</c>; unique in the sweep.</param>
/// <param name="GridIndex">For each grid parameter, the index of this case's value.</param>
public sealed record SweepCase(int Number, string Id, string? Name, IReadOnlyList<SweepAssignment> Assignments, IReadOnlyList<int> GridIndex,
    LoadedScenario Scenario)
{
    /// <summary>This case's value of a swept key path, as text; null if the case does not set it.</summary>
    public string? ValueOf(string path) => Assignments.LastOrDefault(a => a.Path == path)?.Text;
}

/// <summary>A sweep ready to run: the base scenario, the sweep definition and every case, all validated.</summary>
/// <param name="ResolvedYaml">The resolved base scenario followed by the sweep block: what <c>sweep.yaml</c> holds.</param>
public sealed record LoadedSweep(string Source, LoadedScenario Base, SweepDefinition Definition, IReadOnlyList<SweepCase> Cases, string ResolvedYaml)
{
    /// <summary>Every swept key path: the grid's in order, then those the named cases set, in first-seen order.</summary>
    public IReadOnlyList<string> Parameters { get; } = Definition.Grid.Select(g => g.Path)
        .Concat(Definition.Cases.SelectMany(c => c.Set).Select(a => a.Path))
        .Distinct(StringComparer.Ordinal).ToArray();
}

/// <summary>Readable, deterministic, file-system-safe case ids.</summary>
public static class SweepCaseId
{
    private const int MaxLength = 100;

    /// <summary>
    /// <c>NNN[-name][-key=value...]</c>: the 1-based number (at least three digits), the case name, and
    /// for each grid parameter its last key and value; characters other than letters, digits, '.', '-',
    /// '_', '=' and '+' become '_'. The number alone keeps ids unique.
    /// </summary>
    public static string Of(int number, int count, string? name, IEnumerable<SweepAssignment> gridAssignments)
    {
        var width = Math.Max(3, count.ToString(CultureInfo.InvariantCulture).Length);
        var sb = new StringBuilder(number.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0'));
        if (name != null) sb.Append('-').Append(Sanitise(name));
        foreach (var a in gridAssignments) sb.Append('-').Append(Sanitise(SweepValues.LastKey(a.Path))).Append('=').Append(Sanitise(a.Text));
        return sb.Length <= MaxLength ? sb.ToString() : sb.ToString(0, MaxLength);
    }

    private static string Sanitise(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var ok = char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+';
            if (ok) sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '_') sb.Append('_');
        }
        var s = sb.ToString().Trim('_', '.');
        return s.Length == 0 ? "_" : s;
    }
}
