namespace LiquidityLab.Scenarios.Schema;

/// <summary>The value of the <c>kind:</c> key that selects this subclass of a polymorphic section.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class KindAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>The key must be present in the file (it has no sensible default).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RequiredKeyAttribute : Attribute;

/// <summary>Allowed numeric range, checked with the key path in the message.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RangeAttribute(double min, double max) : Attribute
{
    public double Min { get; } = min;
    public double Max { get; } = max;
    public bool MinExclusive { get; init; }
    public bool MaxExclusive { get; init; }

    public bool Allows(double value) =>
        !double.IsNaN(value)
        && (MinExclusive ? value > Min : value >= Min)
        && (MaxExclusive ? value < Max : value <= Max);

    public string Describe()
    {
        var lo = double.IsNegativeInfinity(Min) ? null : $"{(MinExclusive ? ">" : ">=")} {Min.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        // long.MaxValue and int.MaxValue stand for "no upper bound" on integer keys
        var hi = double.IsPositiveInfinity(Max) || Max >= int.MaxValue ? null : $"{(MaxExclusive ? "<" : "<=")} {Max.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        return (lo, hi) switch
        {
            (null, null) => "any finite number",
            (not null, null) => $"must be {lo}",
            (null, not null) => $"must be {hi}",
            _ => $"must be {lo} and {hi}",
        };
    }
}

/// <summary>A sequence key that must hold at least this many items.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MinItemsAttribute(int count) : Attribute
{
    public int Count { get; } = count;
}

/// <summary>One-line documentation of a key, shown in errors and in the schema reference.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class)]
public sealed class DocAttribute(string text) : Attribute
{
    public string Text { get; } = text;
}

/// <summary>A section that checks rules involving several keys (e.g. a limit against a threshold).</summary>
public interface IValidatable
{
    void Validate(ValidationContext context);
}

/// <summary>Collects cross-key errors with the path of the section being validated.</summary>
public sealed class ValidationContext(string path, List<ScenarioError> errors)
{
    public string Path { get; } = path;

    /// <summary>Reports an error on key <paramref name="key"/> of this section.</summary>
    public void Error(string key, object? value, string message) =>
        errors.Add(new ScenarioError(Join(Path, key), value is null ? null : Yaml.ScenarioNaming.FormatValue(value), message));

    public static string Join(string path, string key) =>
        path.Length == 0 ? key : key.StartsWith('[') ? path + key : path + "." + key;
}
