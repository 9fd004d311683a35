using System.Globalization;
using LiquidityLab.Scenarios.Schema.Alpha;
using LiquidityLab.Scenarios.Yaml;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Optimization;

/// <summary>An optimisation ready to run: the base alpha scenario, the definition, and the base tree each trial starts from.</summary>
/// <param name="ResolvedYaml">The base scenario with defaults filled in and the resolved optimize: block: what the journal is keyed on.</param>
public sealed record LoadedOptimization(string Source, LoadedScenario Base, OptimizeDefinition Definition, string ResolvedYaml)
{
    public AlphaScenario Scenario => (AlphaScenario)Base.Scenario;

    /// <summary>The scenario of one trial: the base with each tuned key set to its value, bound and validated (errors, not an exception).</summary>
    public (AlphaScenario? Scenario, string? Error) Trial(IReadOnlyList<double> values)
    {
        var root = ScenarioLoader.ParseTree(Base.ResolvedYaml, Source);
        for (var i = 0; i < values.Count; i++)
        {
            var problem = ScenarioOverrides.Set(root, Definition.Parameters[i].Key, new YamlScalarNode(values[i].ToString("R", CultureInfo.InvariantCulture)));
            if (problem != null) return (null, $"{Definition.Parameters[i].Key}: {problem}");
        }
        var (loaded, errors) = ScenarioLoader.TryBind(root, Source);
        return loaded is null ? (null, string.Join("; ", errors.Select(e => e.Format(Source)))) : ((AlphaScenario)loaded.Scenario, null);
    }
}

/// <summary>
/// Loads an alpha scenario with an <c>optimize:</c> block. The block is taken out, <c>--set</c>/<c>--seed</c>
/// apply to the base, which must be a valid alpha scenario on its own; every tuned key is then checked
/// by binding the base with the key at its min and at its max, so a typo fails before any trial runs.
/// </summary>
public static class OptimizeLoader
{
    private static readonly YamlScalarNode BlockKey = new(OptimizeDefinition.Key);

    /// <summary>Whether the YAML text has a top-level <c>optimize:</c> block.</summary>
    public static bool IsOptimization(string text, string source) => ScenarioLoader.ParseTree(text, source).Children.ContainsKey(BlockKey);

    public static LoadedOptimization Load(string fileOrName, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var (source, text) = ScenarioLoader.ReadSource(fileOrName);
        return Parse(text, source, overrides, seed);
    }

    public static LoadedOptimization Parse(string text, string source, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var root = ScenarioLoader.ParseTree(text, source);
        if (!root.Children.TryGetValue(BlockKey, out var block))
            throw new ScenarioException(source, [new ScenarioError(OptimizeDefinition.Key, null,
                "missing: this file has no optimize: block (parameters to tune); run it with 'liqlab run'")]);
        root.Children.Remove(BlockKey);
        // --set optimize.… assignments go to the block, the others to the base scenario
        var all = overrides?.ToArray() ?? [];
        static bool ForBlock(string a) => a.StartsWith(OptimizeDefinition.Key + ".", StringComparison.Ordinal);
        var blockRoot = new YamlMappingNode { { BlockKey, block } };
        var blockErrors = ScenarioOverrides.Apply(blockRoot, all.Where(ForBlock));
        block = blockRoot.Children[BlockKey];
        overrides = all.Where(a => !ForBlock(a)).ToArray();
        var binder = new ScenarioBinder();
        var definition = binder.Bind<OptimizeDefinition>(block);
        var errors = blockErrors.Concat(binder.Errors.Select(e => e with { Path = ValidationContextJoin(e.Path) })).ToList();
        if (definition is null && errors.Count == 0) errors.Add(new ScenarioError(OptimizeDefinition.Key, null, "expected a section (method, trials, objective, parameters, validation)"));
        errors.AddRange(ScenarioLoader.ApplyOverrides(root, overrides, seed));
        if (errors.Count > 0) throw new ScenarioException(source, errors);
        var loaded = ScenarioLoader.Bind(root, source);
        if (loaded.Scenario is not AlphaScenario)
            throw new ScenarioException(source, [new ScenarioError("kind", Yaml.ScenarioNaming.KindOf(loaded.Scenario.GetType()), "not allowed: liqlab optimize tunes alpha scenarios (kind: alpha)")]);

        var result = new LoadedOptimization(source, loaded, definition!, "");
        for (var i = 0; i < definition!.Parameters.Count; i++)
        {
            var p = definition.Parameters[i];
            foreach (var (value, end) in new[] { (p.Min, "min"), (p.Max, "max") })
            {
                // one key at a time on the base scenario, so a bad key is blamed on itself only
                var root2 = ScenarioLoader.ParseTree(loaded.ResolvedYaml, source);
                var problem = ScenarioOverrides.Set(root2, p.Key, new YamlScalarNode(value.ToString("R", CultureInfo.InvariantCulture)));
                var error = problem ?? (ScenarioLoader.TryBind(root2, source) is { Loaded: null } bad
                    ? string.Join("; ", bad.Errors.Select(e => e.Format(source))) : null);
                if (error != null) errors.Add(new ScenarioError($"optimize.parameters[{i}].{end}", value.ToString("R", CultureInfo.InvariantCulture), $"not allowed: the scenario does not accept it: {error}"));
            }
        }
        if (errors.Count > 0) throw new ScenarioException(source, errors);

        var resolved = ScenarioLoader.ParseTree(loaded.ResolvedYaml, source);
        resolved.Add(BlockKey, ScenarioYamlWriter.ToNode(definition));
        return result with { ResolvedYaml = ScenarioYamlWriter.WriteNode(resolved) };
    }

    private static string ValidationContextJoin(string path) => Schema.ValidationContext.Join(OptimizeDefinition.Key, path);
}
