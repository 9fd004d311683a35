using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Yaml;

/// <summary>
/// Applies <c>--set key.path=value</c> overrides to a scenario's YAML tree before it is bound, so an
/// override is validated exactly like the file. Paths use dots for sections and [i] for list items
/// (<c>makers[0].quoting.spread=0.1</c>); the value is read as YAML (<c>[1, 2]</c> is a list).
/// Missing sections are created; the binder then rejects keys the schema does not know.
/// </summary>
public static partial class ScenarioOverrides
{
    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_]*)(?<index>\[\d+\])*$")]
    private static partial Regex SegmentPattern();

    public static IReadOnlyList<ScenarioError> Apply(YamlMappingNode root, IEnumerable<string> assignments)
    {
        var errors = new List<ScenarioError>();
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=');
            if (eq <= 0)
            {
                errors.Add(new ScenarioError("--set", $"'{assignment}'", "expected key.path=value"));
                continue;
            }
            var path = assignment[..eq].Trim();
            var error = Set(root, path, ParseValue(assignment[(eq + 1)..]));
            if (error != null) errors.Add(new ScenarioError(path, $"'{assignment[(eq + 1)..]}'", $"--set: {error}"));
        }
        return errors;
    }

    /// <summary>Reads an override value as YAML (<c>0.1</c>, <c>[1, 2]</c>, <c>{kind: poisson, mean: 4}</c>); text that is not YAML stays text.</summary>
    public static YamlNode ParseValue(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException)
        {
            return new YamlScalarNode(text);
        }
        return stream.Documents.Count == 0 ? new YamlScalarNode("null") : WithoutPosition(stream.Documents[0].RootNode);
    }

    /// <summary>
    /// A copy without source marks: an override's value has no line in the scenario file, so an error
    /// in it must not claim one (it would be line 1 of the --set text).
    /// </summary>
    private static YamlNode WithoutPosition(YamlNode node) => node switch
    {
        YamlMappingNode map => new YamlMappingNode(map.Children.Select(c => new KeyValuePair<YamlNode, YamlNode>(WithoutPosition(c.Key), WithoutPosition(c.Value)))),
        YamlSequenceNode seq => new YamlSequenceNode(seq.Children.Select(WithoutPosition)),
        YamlScalarNode scalar => new YamlScalarNode(scalar.Value) { Style = scalar.Style },
        _ => node,
    };

    /// <summary>
    /// Puts <paramref name="value"/> at <paramref name="path"/> in the tree (the mechanism behind --set, also used by sweeps).
    /// Returns null, or why the path cannot be set.
    /// </summary>
    public static string? Set(YamlMappingNode root, string path, YamlNode value)
    {
        var steps = new List<(string Key, int? Index)>();
        foreach (var segment in path.Split('.'))
        {
            var m = SegmentPattern().Match(segment);
            if (!m.Success) return $"'{segment}' is not a valid path segment (use key, or key[index])";
            steps.Add((m.Groups["key"].Value, null));
            foreach (Capture c in m.Groups["index"].Captures)
                steps.Add(("", int.Parse(c.Value.AsSpan(1, c.Value.Length - 2), CultureInfo.InvariantCulture)));
        }

        YamlNode current = root;
        for (var i = 0; i < steps.Count; i++)
        {
            var (key, index) = steps[i];
            var last = i == steps.Count - 1;
            if (index is { } ix)
            {
                if (current is not YamlSequenceNode seq) return $"'{steps[i - 1].Key}' is not a list";
                if (ix >= seq.Children.Count) return $"index {ix} is out of range ('{steps[i - 1].Key}' has {seq.Children.Count} item(s))";
                if (last) seq.Children[ix] = value;
                else current = seq.Children[ix];
                continue;
            }
            if (current is not YamlMappingNode map) return $"cannot set '{key}' inside a value that is not a section";
            var keyNode = new YamlScalarNode(key);
            if (last)
            {
                map.Children[keyNode] = value;
                break;
            }
            if (!map.Children.TryGetValue(keyNode, out var next) || next is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                if (steps[i + 1].Index != null) return $"'{key}' is not a list in the scenario";
                next = new YamlMappingNode();
                map.Children[keyNode] = next;
            }
            current = next;
        }
        return null;
    }
}
