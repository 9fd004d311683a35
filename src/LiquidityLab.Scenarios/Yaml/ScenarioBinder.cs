using System.Collections;
using System.Globalization;
using System.Reflection;
using LiquidityLab.Scenarios.Schema;
using YamlDotNet.RepresentationModel;

namespace LiquidityLab.Scenarios.Yaml;

/// <summary>
/// Binds a YAML tree to the typed scenario schema and checks it, collecting every error with its key
/// path, line, value and what is allowed (rather than stopping at the first). Unknown keys are errors:
/// a typo never silently falls back to a default. Keys left out take the schema's defaults.
/// </summary>
public sealed class ScenarioBinder
{
    private readonly List<ScenarioError> _errors = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    public T? Bind<T>(YamlNode node) where T : class => Bind(node, typeof(T), "") as T;

    private object? Bind(YamlNode node, Type type, string path)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        if (IsNull(node))
        {
            if (underlying != null || (!type.IsValueType && type != typeof(string))) return null;
            return Fail(node, path, "null", $"a value is required here ({Describe(type)})");
        }
        type = underlying ?? type;

        if (type == typeof(string)) return Scalar(node, path, type, s => s);
        if (type == typeof(bool))
            return Scalar(node, path, type, s => s switch { "true" or "True" => true, "false" or "False" => (object?)false, _ => null });
        if (type == typeof(double))
            return Scalar(node, path, type, s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) ? d : null);
        if (type == typeof(decimal))
            return Scalar(node, path, type, s => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var m) ? m : null);
        if (type == typeof(int))
            return Scalar(node, path, type, s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : null);
        if (type == typeof(long))
            return Scalar(node, path, type, s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : null);
        if (type.IsEnum) return BindEnum(node, type, path);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return BindList(node, type, path);
        if (type.IsAbstract) return BindPolymorphic(node, type, path);
        return BindSection(node, type, path, skipKind: false);
    }

    private object? BindSection(YamlNode node, Type type, string path, bool skipKind)
    {
        if (node is not YamlMappingNode map) return Fail(node, path, Show(node), $"expected a section of keys ({Allowed(type)})");
        var instance = Activator.CreateInstance(type)!;
        var keys = ScenarioNaming.Keys(type);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (skipKind && key == "kind") continue;
            var childPath = ValidationContext.Join(path, key);
            var match = keys.FirstOrDefault(k => k.Key == key);
            if (match.Property is null)
            {
                Fail(keyNode, childPath, null, $"unknown key; allowed keys here: {Allowed(type)}");
                continue;
            }
            seen.Add(key);
            var value = Bind(valueNode, match.Property.PropertyType, childPath);
            if (value is null && !IsNull(valueNode)) continue; // an error was recorded
            if (!CheckConstraints(match.Property, value, valueNode, childPath)) continue;
            match.Property.SetValue(instance, value);
        }
        foreach (var (key, property) in keys)
        {
            if (!seen.Contains(key) && property.GetCustomAttribute<RequiredKeyAttribute>() != null)
                Fail(map, ValidationContext.Join(path, key), null, $"missing required key ({Describe(property.PropertyType)}{DocOf(property)})");
        }
        if (instance is IValidatable validatable && !_errors.Any(e => e.Path.StartsWith(path, StringComparison.Ordinal)))
            validatable.Validate(new ValidationContext(path, _errors));
        return instance;
    }

    private object? BindPolymorphic(YamlNode node, Type baseType, string path)
    {
        var kinds = ScenarioNaming.Kinds(baseType);
        var allowed = string.Join(", ", kinds.Select(k => k.Kind));
        if (node is not YamlMappingNode map) return Fail(node, path, Show(node), $"expected a section with a 'kind' key (one of: {allowed})");
        var kindNode = map.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == "kind").Value;
        if (kindNode is null) return Fail(map, ValidationContext.Join(path, "kind"), null, $"missing required key (one of: {allowed})");
        var kind = (kindNode as YamlScalarNode)?.Value ?? "";
        var match = kinds.FirstOrDefault(k => k.Kind == kind);
        if (match.Type is null) return Fail(kindNode, ValidationContext.Join(path, "kind"), $"'{kind}'", $"unknown kind; allowed: {allowed}");
        return BindSection(map, match.Type, path, skipKind: true);
    }

    private object? BindList(YamlNode node, Type listType, string path)
    {
        if (node is not YamlSequenceNode seq) return Fail(node, path, Show(node), "expected a list");
        var itemType = listType.GetGenericArguments()[0];
        var list = (IList)Activator.CreateInstance(listType)!;
        var i = 0;
        foreach (var item in seq.Children)
        {
            var value = Bind(item, itemType, $"{path}[{i}]");
            if (value != null) list.Add(value);
            i++;
        }
        return list;
    }

    private object? BindEnum(YamlNode node, Type type, string path)
    {
        var names = Enum.GetValues(type).Cast<Enum>().Select(v => (Name: ScenarioNaming.EnumName(v), Value: v)).ToArray();
        var text = (node as YamlScalarNode)?.Value;
        var match = names.FirstOrDefault(n => n.Name == text);
        if (match.Value is null)
            return Fail(node, path, Show(node), $"not allowed; one of: {string.Join(", ", names.Select(n => n.Name))}");
        return match.Value;
    }

    private object? Scalar(YamlNode node, string path, Type type, Func<string, object?> parse)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null) return Fail(node, path, Show(node), $"expected {Describe(type)}");
        var value = parse(scalar.Value);
        return value ?? Fail(node, path, $"'{scalar.Value}'", $"wrong type: expected {Describe(type)}");
    }

    private bool CheckConstraints(PropertyInfo property, object? value, YamlNode node, string path)
    {
        if (property.GetCustomAttribute<RangeAttribute>() is { } range && value is IConvertible c and not string)
        {
            var number = c.ToDouble(CultureInfo.InvariantCulture);
            if (!range.Allows(number))
            {
                Fail(node, path, ScenarioNaming.FormatValue(value), $"not allowed: {range.Describe()}{DocOf(property)}");
                return false;
            }
        }
        if (property.GetCustomAttribute<MinItemsAttribute>() is { } min && value is ICollection list && list.Count < min.Count)
        {
            Fail(node, path, $"a list of {list.Count}", $"not allowed: at least {min.Count} item(s) required");
            return false;
        }
        return true;
    }

    private object? Fail(YamlNode node, string path, string? value, string message)
    {
        _errors.Add(new ScenarioError(path, value, message, node.Start.Index > 0 ? (int)node.Start.Line : null, (int)node.Start.Column));
        return null;
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Value: null or "" or "~" or "null" or "Null" or "NULL" } s && s.Style == YamlDotNet.Core.ScalarStyle.Plain;

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => $"'{s.Value}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a section",
        _ => "?",
    };

    private static string Allowed(Type type) => string.Join(", ", ScenarioNaming.Keys(type).Select(k => k.Key));

    private static string DocOf(PropertyInfo p) => p.GetCustomAttribute<DocAttribute>() is { } d ? $"; {d.Text}" : "";

    internal static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(double) || type == typeof(decimal)) return "a number";
        if (type == typeof(int) || type == typeof(long)) return "an integer";
        if (type == typeof(bool)) return "true or false";
        if (type == typeof(string)) return "a text value";
        if (type.IsEnum) return "one of: " + string.Join(", ", Enum.GetValues(type).Cast<Enum>().Select(ScenarioNaming.EnumName));
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>)) return "a list";
        if (type.IsAbstract) return "a section with a 'kind' key";
        return "a section";
    }
}
