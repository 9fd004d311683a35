using LiquidityLab.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>
/// Loads a scenario file with a <c>sweep:</c> block and expands it into cases. The block is removed
/// from the tree; <c>--set</c> and <c>--seed</c> apply to the base scenario, which must be valid on its
/// own; each case is the base plus its assignments, applied with the same mechanism as <c>--set</c>,
/// then bound and validated. Every case is checked before anything runs: one
/// <see cref="ScenarioException"/> lists every problem, a swept value's error under the value's own
/// path in the file (<c>sweep.grid.makers[0].quoting.spread[2]</c>).
/// Every case keeps the base seed, so all cases draw the same random numbers (common random numbers).
/// </summary>
public static class SweepLoader
{
    private static readonly YamlScalarNode SweepKey = new(SweepDefinition.Key);

    /// <summary>Whether the YAML text has a top-level <c>sweep:</c> block.</summary>
    public static bool IsSweep(string text, string source) => ScenarioLoader.ParseTree(text, source).Children.ContainsKey(SweepKey);

    public static LoadedSweep Load(string fileOrName, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var (source, text) = ScenarioLoader.ReadSource(fileOrName);
        return Parse(text, source, overrides, seed);
    }

    public static LoadedSweep Parse(string text, string source, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var overrideList = overrides?.ToArray() ?? [];
        var root = ScenarioLoader.ParseTree(text, source);
        if (!root.Children.TryGetValue(SweepKey, out var sweepNode))
            throw new ScenarioException(source, [new ScenarioError(SweepDefinition.Key, null,
                "missing: this file has no sweep: block, so there is nothing to sweep; run it with 'liqlab run'")]);
        root.Children.Remove(SweepKey);

        var errors = new List<ScenarioError>();
        var definition = SweepDefinition.Parse(sweepNode, errors);
        errors.AddRange(ScenarioLoader.ApplyOverrides(root, overrideList, seed));
        if (errors.Count > 0 || definition is null) throw new ScenarioException(source, errors);
        var baseScenario = ScenarioLoader.Bind(root, source);

        var plans = definition.Expand();
        var cases = new List<SweepCase>(plans.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plans.Count; i++)
        {
            var plan = plans[i];
            var id = SweepCaseId.Of(i + 1, plans.Count, plan.Name, plan.Assignments.Where(a => a.SourcePath.StartsWith(SweepDefinition.Key + ".grid.", StringComparison.Ordinal)));
            var loaded = BindCase(text, source, overrideList, seed, plan, id, errors, seen);
            if (loaded != null) cases.Add(new SweepCase(i + 1, id, plan.Name, plan.Assignments, plan.GridIndex, loaded));
        }
        if (errors.Count > 0) throw new ScenarioException(source, errors);

        var resolved = ScenarioLoader.ParseTree(baseScenario.ResolvedYaml, source);
        resolved.Add(SweepKey, sweepNode);
        return new LoadedSweep(source, baseScenario, definition, cases, ScenarioYamlWriter.WriteNode(resolved));
    }

    private static LoadedScenario? BindCase(string text, string source, string[] overrides, long? seed, SweepCasePlan plan, string id,
        List<ScenarioError> errors, HashSet<string> seen)
    {
        // A fresh tree per case keeps the base file's line numbers for every error.
        var tree = ScenarioLoader.ParseTree(text, source);
        tree.Children.Remove(SweepKey);
        ScenarioLoader.ApplyOverrides(tree, overrides, seed);
        var ok = true;
        foreach (var a in plan.Assignments)
        {
            if (ScenarioOverrides.Set(tree, a.Path, a.Value) is not { } problem) continue;
            Add(errors, seen, SweepValues.Error(a.Value, a.KeySourcePath, null, $"cannot set this key path: {problem}"));
            ok = false;
        }
        if (!ok) return null;
        var (loaded, bindErrors) = ScenarioLoader.TryBind(tree, source);
        foreach (var e in bindErrors) Add(errors, seen, Attribute(e, plan.Assignments, id));
        return loaded;
    }

    /// <summary>An error at or under a swept key is reported at the swept value; any other names the case it arose in.</summary>
    private static ScenarioError Attribute(ScenarioError e, IReadOnlyList<SweepAssignment> assignments, string id)
    {
        var owner = assignments
            .Where(a => e.Path == a.Path || e.Path.StartsWith(a.Path + ".", StringComparison.Ordinal) || e.Path.StartsWith(a.Path + "[", StringComparison.Ordinal))
            .MaxBy(a => a.Path.Length);
        return owner is null
            ? e with { Message = $"{e.Message} (in sweep case {id})" }
            : e with { Path = owner.SourcePath + e.Path[owner.Path.Length..] };
    }

    private static void Add(List<ScenarioError> errors, HashSet<string> seen, ScenarioError e)
    {
        if (seen.Add($"{e.Path}\u0001{e.Value}\u0001{e.Message}")) errors.Add(e);
    }
}
