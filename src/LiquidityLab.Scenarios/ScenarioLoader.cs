using LiquidityLab.Scenarios.Schema;
using LiquidityLab.Scenarios.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios;

/// <summary>A scenario ready to run: bound, validated, with its overrides and seed applied.</summary>
/// <param name="Source">The file path, or "bundled:NAME".</param>
/// <param name="ResolvedYaml">The scenario with every default filled in, as written to the run folder.</param>
public sealed record LoadedScenario(Scenario Scenario, string Source, string ResolvedYaml);

/// <summary>Finds, parses, overrides, binds and validates scenarios. Every failure is a <see cref="ScenarioException"/>.</summary>
public static class ScenarioLoader
{
    /// <param name="fileOrName">A path to a YAML file, or the name of a bundled scenario.</param>
    /// <param name="overrides"><c>key.path=value</c> assignments applied before validation.</param>
    /// <param name="seed">Replaces the scenario's seed when given.</param>
    public static LoadedScenario Load(string fileOrName, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var (source, text) = ReadSource(fileOrName);
        return Parse(text, source, overrides, seed);
    }

    /// <summary>
    /// Parses and binds one scenario. A file with a top-level <c>sweep:</c> block is several scenarios,
    /// not one: it is rejected here with a pointer to <c>liqlab sweep</c> (see <see cref="Sweeps.SweepLoader"/>).
    /// </summary>
    public static LoadedScenario Parse(string text, string source, IEnumerable<string>? overrides = null, long? seed = null)
    {
        var root = ParseTree(text, source);
        if (root.Children.ContainsKey(new YamlScalarNode(Sweeps.SweepDefinition.Key)))
            throw new ScenarioException(source, [new ScenarioError(Sweeps.SweepDefinition.Key, null,
                "this file is a sweep (several cases): run it with 'liqlab sweep', or remove the sweep: block to run its base scenario")]);
        if (root.Children.ContainsKey(new YamlScalarNode(Optimization.OptimizeDefinition.Key)))
            throw new ScenarioException(source, [new ScenarioError(Optimization.OptimizeDefinition.Key, null,
                "this file is an optimisation (many trials): run it with 'liqlab optimize', or remove the optimize: block to run its base scenario")]);
        var errors = ApplyOverrides(root, overrides, seed);
        if (errors.Count > 0) throw new ScenarioException(source, errors);
        return Bind(root, source);
    }

    /// <summary>Applies <c>--set</c> assignments and the <c>--seed</c> replacement to a YAML tree, returning the problems found.</summary>
    internal static List<ScenarioError> ApplyOverrides(YamlMappingNode root, IEnumerable<string>? overrides, long? seed)
    {
        var errors = new List<ScenarioError>();
        if (overrides != null) errors.AddRange(ScenarioOverrides.Apply(root, overrides));
        if (seed is { } s)
        {
            if (s < 0) errors.Add(new ScenarioError("--seed", s.ToString(System.Globalization.CultureInfo.InvariantCulture), "not allowed: must be >= 0"));
            root.Children[new YamlScalarNode("seed")] = new YamlScalarNode(s.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return errors;
    }

    /// <summary>Binds and validates a YAML tree; throws with every error found.</summary>
    internal static LoadedScenario Bind(YamlMappingNode root, string source)
    {
        var (loaded, errors) = TryBind(root, source);
        return loaded ?? throw new ScenarioException(source, errors);
    }

    /// <summary>Binds and validates a YAML tree: the scenario, or the errors (never both).</summary>
    internal static (LoadedScenario? Loaded, IReadOnlyList<ScenarioError> Errors) TryBind(YamlMappingNode root, string source)
    {
        var binder = new ScenarioBinder();
        var scenario = binder.Bind<Scenario>(root);
        if (binder.Errors.Count > 0 || scenario is null)
            return (null, binder.Errors.Count > 0 ? binder.Errors : [new ScenarioError("", null, "the scenario is empty")]);
        return (new LoadedScenario(scenario, source, ScenarioYamlWriter.Write(scenario)), []);
    }

    public static (string Source, string Text) ReadSource(string fileOrName)
    {
        if (File.Exists(fileOrName))
        {
            try
            {
                return (fileOrName, File.ReadAllText(fileOrName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ScenarioException(fileOrName, [new ScenarioError("", null, $"cannot read the file: {e.Message}")]);
            }
        }
        if (BundledScenarios.Exists(fileOrName)) return ($"bundled:{fileOrName}", BundledScenarios.Read(fileOrName));
        throw new ScenarioException(fileOrName, [new ScenarioError("", null,
            $"no such file, and no bundled scenario of that name; bundled scenarios: {string.Join(", ", BundledScenarios.Names)}")]);
    }

    /// <summary>Parses YAML text whose top level must be a section of keys.</summary>
    internal static YamlMappingNode ParseTree(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            throw new ScenarioException(source, [new ScenarioError("", null, $"not valid YAML: {message}", (int)e.Start.Line, (int)e.Start.Column)]);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw new ScenarioException(source, [new ScenarioError("", null, "expected a YAML section of keys at the top (name:, kind:, …)")]);
        return root;
    }
}
