using System.Collections;
using System.Globalization;
using LiquidityLab.Scenarios.Schema;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Yaml;

/// <summary>
/// Writes a bound scenario back to YAML with every key present, defaults filled in: the resolved
/// scenario that a run folder keeps, which runs again to the same result.
/// </summary>
public static class ScenarioYamlWriter
{
    public static string Write(object scenario) => WriteNode(ToNode(scenario));

    /// <summary>Writes a YAML tree in the same layout as a resolved scenario.</summary>
    public static string WriteNode(YamlNode root)
    {
        var stream = new YamlStream(new YamlDocument(root));
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        stream.Save(writer, assignAnchors: false);
        var text = writer.ToString();
        // YamlDotNet closes a document with "...": not needed for a single document
        return text.EndsWith("...\n", StringComparison.Ordinal) ? text[..^4] : text;
    }

    public static YamlNode ToNode(object? value)
    {
        switch (value)
        {
            case null: return new YamlScalarNode("null");
            case string s: return new YamlScalarNode(s) { Style = NeedsQuotes(s) ? YamlDotNet.Core.ScalarStyle.DoubleQuoted : YamlDotNet.Core.ScalarStyle.Any };
            case bool b: return new YamlScalarNode(b ? "true" : "false");
            case double d: return new YamlScalarNode(d.ToString("R", CultureInfo.InvariantCulture));
            case decimal m: return new YamlScalarNode(m.ToString(CultureInfo.InvariantCulture));
            case int or long: return new YamlScalarNode(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture));
            case Enum e: return new YamlScalarNode(ScenarioNaming.EnumName(e));
            case IList list:
            {
                var seq = new YamlSequenceNode();
                foreach (var item in list) seq.Add(ToNode(item));
                if (list.Count > 0 && list[0] is double or int or long or IList) seq.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
                return seq;
            }
        }
        var type = value.GetType();
        var map = new YamlMappingNode();
        if (type.GetCustomAttributes(typeof(KindAttribute), false).Length > 0) map.Add("kind", ScenarioNaming.KindOf(type));
        foreach (var (key, property) in ScenarioNaming.Keys(type)) map.Add(key, ToNode(property.GetValue(value)));
        return map;
    }

    private static bool NeedsQuotes(string s) =>
        s.Length == 0 || s is "null" or "~" or "true" or "false" || double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
