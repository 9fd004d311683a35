using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>One swept key: its path in the scenario (as for <c>--set</c>) and the values it takes, in the order written.</summary>
public sealed record SweepParameter(string Path, IReadOnlyList<YamlNode> Values);

/// <summary>A named case of <c>sweep.cases</c>: the assignments it makes to the base scenario.</summary>
public sealed record SweepNamedCase(string Name, IReadOnlyList<SweepAssignment> Set);

/// <summary>
/// The top-level <c>sweep:</c> block of a scenario file: a grid (the cartesian product of every
/// parameter's values, first parameter outermost), a list of named cases crossed with the grid, or
/// both, and how many cases run at once. It is taken out of the YAML tree before the scenario is
/// bound, so the scenario kinds know nothing of it.
/// </summary>
public sealed record SweepDefinition(IReadOnlyList<SweepParameter> Grid, IReadOnlyList<SweepNamedCase> Cases, int Parallel, YamlMappingNode Node)
{
    public const string Key = "sweep";

    /// <summary>More cases than this is almost certainly a mistake in the grid.</summary>
    public const int MaxCases = 10_000;

    private static readonly string[] AllowedKeys = ["grid", "cases", "parallel"];
    private static readonly string[] AllowedCaseKeys = ["name", "set"];

    /// <summary>The number of cases: named cases (or one) times the product of the grid's value counts.</summary>
    public long CaseCount => Grid.Aggregate((long)Math.Max(1, Cases.Count), (n, p) => n * p.Values.Count);

    /// <summary>Reads a <c>sweep:</c> block, adding every problem to <paramref name="errors"/>; null when it is unusable.</summary>
    public static SweepDefinition? Parse(YamlNode node, List<ScenarioError> errors)
    {
        var before = errors.Count;
        if (node is not YamlMappingNode map)
        {
            Fail(errors, node, Key, SweepValues.Show(node), "expected a section with grid:, cases: and/or parallel:");
            return null;
        }
        var grid = new List<SweepParameter>();
        var cases = new List<SweepNamedCase>();
        var parallel = 0;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "grid": ParseGrid(value, grid, errors); break;
                case "cases": ParseCases(value, cases, errors); break;
                case "parallel":
                    if (value is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p >= 0)
                        parallel = p;
                    else Fail(errors, value, $"{Key}.parallel", SweepValues.Show(value), "not allowed: an integer >= 0 (0 = one case per processor core)");
                    break;
                default:
                    Fail(errors, keyNode, $"{Key}.{key}", null, $"unknown key; allowed keys here: {string.Join(", ", AllowedKeys)}");
                    break;
            }
        }
        if (grid.Count == 0 && cases.Count == 0 && errors.Count == before)
            Fail(errors, map, Key, null, "nothing to sweep: give grid: (keys with lists of values), cases: (named cases), or both");
        var gridPaths = grid.Select(g => g.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var a in cases.SelectMany(c => c.Set).Where(a => gridPaths.Contains(a.Path)))
            Fail(errors, a.Value, a.SourcePath, SweepValues.Show(a.Value), $"not allowed: {a.Path} is also swept by {Key}.grid; set a key in the grid or in the cases, not both");
        CheckOverlaps(grid, cases, errors);
        var definition = new SweepDefinition(grid, cases, parallel, map);
        if (errors.Count == before && definition.CaseCount > MaxCases)
            Fail(errors, map, Key, null, $"not allowed: {definition.CaseCount} cases, at most {MaxCases}");
        return errors.Count == before ? definition : null;
    }

    /// <summary>
    /// Every case in order: for each named case (or once, if there are none), the grid's cartesian
    /// product with the first parameter outermost. Named-case assignments come first, then the grid's.
    /// </summary>
    public IReadOnlyList<SweepCasePlan> Expand()
    {
        var plans = new List<SweepCasePlan>();
        SweepNamedCase?[] named = Cases.Count > 0 ? [.. Cases] : [null];
        var index = new int[Grid.Count];
        foreach (var c in named)
        {
            Array.Clear(index);
            while (true)
            {
                var assignments = new List<SweepAssignment>(c?.Set ?? []);
                for (var g = 0; g < Grid.Count; g++)
                    assignments.Add(new SweepAssignment(Grid[g].Path, Grid[g].Values[index[g]], $"{Key}.grid.{Grid[g].Path}[{index[g]}]"));
                plans.Add(new SweepCasePlan(c?.Name, assignments, [.. index]));
                var d = Grid.Count - 1;
                while (d >= 0 && ++index[d] == Grid[d].Values.Count) index[d--] = 0;
                if (d < 0) break;
            }
        }
        return plans;
    }

    /// <summary>
    /// Within one case no swept key may lie inside another (<c>makers[0]</c> and <c>makers[0].quoting.spread</c>):
    /// the inner assignment would write into the outer value, which every case shares.
    /// </summary>
    private static void CheckOverlaps(List<SweepParameter> grid, List<SweepNamedCase> cases, List<ScenarioError> errors)
    {
        var gridAssignments = grid.Select(g => new SweepAssignment(g.Path, g.Values[0], $"{Key}.grid.{g.Path}")).ToArray();
        IEnumerable<SweepAssignment[]> groups = cases.Count == 0 ? [gridAssignments] : cases.Select(c => c.Set.Concat(gridAssignments).ToArray());
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            foreach (var outer in group)
            {
                foreach (var inner in group.Where(a => a.Path.StartsWith(outer.Path + ".", StringComparison.Ordinal) || a.Path.StartsWith(outer.Path + "[", StringComparison.Ordinal)))
                {
                    if (reported.Add(inner.SourcePath + "\u0001" + outer.SourcePath))
                        Fail(errors, inner.Value, inner.SourcePath, null, $"not allowed: inside {outer.Path}, which the sweep also sets ({outer.SourcePath}); sweep one or the other");
                }
            }
        }
    }

    private static void ParseGrid(YamlNode node, List<SweepParameter> grid, List<ScenarioError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            Fail(errors, node, $"{Key}.grid", SweepValues.Show(node), "expected a section of key paths, each with a list of values, e.g. makers[0].quoting.spread: [0.02, 0.05]");
            return;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var path = (keyNode as YamlScalarNode)?.Value ?? "";
            if (value is not YamlSequenceNode { Children.Count: > 0 } seq)
            {
                Fail(errors, value, $"{Key}.grid.{path}", SweepValues.Show(value), "expected a list of at least one value, e.g. [0.02, 0.05]");
                continue;
            }
            grid.Add(new SweepParameter(path, seq.Children.ToArray()));
        }
    }

    private static void ParseCases(YamlNode node, List<SweepNamedCase> cases, List<ScenarioError> errors)
    {
        if (node is not YamlSequenceNode seq)
        {
            Fail(errors, node, $"{Key}.cases", SweepValues.Show(node), "expected a list of cases, each with name: and set:");
            return;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var path = $"{Key}.cases[{i}]";
            if (seq.Children[i] is not YamlMappingNode item)
            {
                Fail(errors, seq.Children[i], path, SweepValues.Show(seq.Children[i]), "expected a section with name: and set:");
                continue;
            }
            string? name = null;
            var set = new List<SweepAssignment>();
            foreach (var (keyNode, value) in item.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (key == "name") name = ParseName(value, $"{path}.name", names, errors);
                else if (key == "set") ParseSet(value, $"{path}.set", set, errors);
                else Fail(errors, keyNode, $"{path}.{key}", null, $"unknown key; allowed keys here: {string.Join(", ", AllowedCaseKeys)}");
            }
            if (!item.Children.ContainsKey(new YamlScalarNode("name"))) Fail(errors, item, $"{path}.name", null, "missing required key (the case's name)");
            if (name != null) cases.Add(new SweepNamedCase(name, set));
        }
    }

    private static string? ParseName(YamlNode node, string path, HashSet<string> names, List<ScenarioError> errors)
    {
        var name = (node as YamlScalarNode)?.Value ?? "";
        if (name.Length == 0 || name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return Fail(errors, node, path, SweepValues.Show(node), "not allowed: letters, digits, '-', '_' and '.' only, not empty");
        if (!names.Add(name)) return Fail(errors, node, path, SweepValues.Show(node), "not allowed: case names must be unique");
        return name;
    }

    private static void ParseSet(YamlNode node, string path, List<SweepAssignment> set, List<ScenarioError> errors)
    {
        if (node is not YamlMappingNode map)
        {
            Fail(errors, node, path, SweepValues.Show(node), "expected a section of key paths and values, e.g. { mid.process.volatility: 0.2 }");
            return;
        }
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            set.Add(new SweepAssignment(key, value, $"{path}.{key}"));
        }
    }

    private static string? Fail(List<ScenarioError> errors, YamlNode node, string path, string? value, string message)
    {
        errors.Add(SweepValues.Error(node, path, value, message));
        return null;
    }
}

/// <summary>One case before binding: its name (if any), its assignments, and each grid parameter's value index.</summary>
public sealed record SweepCasePlan(string? Name, IReadOnlyList<SweepAssignment> Assignments, IReadOnlyList<int> GridIndex);
