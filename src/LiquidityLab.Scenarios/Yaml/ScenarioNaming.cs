using System.Globalization;
using System.Reflection;
using System.Text;
using LiquidityLab.Scenarios.Schema;

namespace LiquidityLab.Scenarios.Yaml;

/// <summary>How schema classes appear in YAML: snake_case keys, kinds from <see cref="KindAttribute"/>.</summary>
public static class ScenarioNaming
{
    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                    sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>The schema keys of a section class, in declaration order.</summary>
    public static IReadOnlyList<(string Key, PropertyInfo Property)> Keys(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.GetSetMethod() != null)
            .OrderBy(p => p.MetadataToken)
            .Select(p => (ToSnakeCase(p.Name), p))
            .ToArray();

    /// <summary>Concrete section classes selectable by <c>kind:</c> for an abstract base.</summary>
    public static IReadOnlyList<(string Kind, Type Type)> Kinds(Type baseType) =>
        baseType.Assembly.GetTypes()
            .Where(t => !t.IsAbstract && baseType.IsAssignableFrom(t) && t.GetCustomAttribute<KindAttribute>() != null)
            .Select(t => (t.GetCustomAttribute<KindAttribute>()!.Name, t))
            .OrderBy(k => k.Name, StringComparer.Ordinal)
            .ToArray();

    public static string KindOf(Type type) => type.GetCustomAttribute<KindAttribute>()?.Name
        ?? throw new InvalidOperationException($"{type.Name} has no [Kind] attribute");

    public static string EnumName(Enum value) => ToSnakeCase(value.ToString());

    public static string FormatValue(object value) => value switch
    {
        string s => $"'{s}'",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
