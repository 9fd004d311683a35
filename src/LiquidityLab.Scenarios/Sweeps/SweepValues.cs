using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>One assignment of a case: a key path, the YAML value put there, and where in the file the value came from.</summary>
/// <param name="SourcePath">The value's own key path in the file, e.g. <c>sweep.grid.makers[0].quoting.spread[2]</c>: errors name it.</param>
public sealed record SweepAssignment(string Path, YamlNode Value, string SourcePath)
{
    /// <summary>The value as one line of text (<c>0.05</c>, <c>{kind: poisson, mean: 4}</c>).</summary>
    public string Text => SweepValues.Show(Value);

    /// <summary>The key's own path in the file, without a grid value's index: where an error about the key path itself belongs.</summary>
    public string KeySourcePath => SourcePath.EndsWith(']') && SourcePath.StartsWith(SweepDefinition.Key + ".grid.", StringComparison.Ordinal)
        ? SourcePath[..SourcePath.LastIndexOf('[')]
        : SourcePath;
}

/// <summary>Small helpers shared by the sweep parser, loader and tables.</summary>
internal static class SweepValues
{
    /// <summary>A YAML value on one line: scalars as written, lists and sections in flow style.</summary>
    public static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "null",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Show)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(kv => $"{Show(kv.Key)}: {Show(kv.Value)}")) + "}",
        _ => "?",
    };

    public static ScenarioError Error(YamlNode node, string path, string? value, string message) =>
        new(path, value, message, node.Start.Line > 0 ? (int)node.Start.Line : null, (int)node.Start.Column);

    /// <summary>The last key of a path without list indices: <c>makers[0].quoting.spread</c> → <c>spread</c>.</summary>
    public static string LastKey(string path)
    {
        var last = path[(path.LastIndexOf('.') + 1)..];
        var bracket = last.IndexOf('[');
        return bracket > 0 ? last[..bracket] : last;
    }
}
