namespace LiquidityLab.Scenarios;

/// <summary>One problem found in a scenario: the key path, the offending value and what is allowed.</summary>
public sealed record ScenarioError(string Path, string? Value, string Message, int? Line = null, int? Column = null)
{
    public string Format(string source)
    {
        var where = Line is { } l ? $" (line {l}, column {Column})" : "";
        var value = Value is null ? "" : $"value {Value}: ";
        return $"{source}: {(Path.Length == 0 ? "(root)" : Path)}{where}: {value}{Message}";
    }
}

/// <summary>A scenario that cannot run, with every problem found in it. The CLI turns it into exit code 2.</summary>
public sealed class ScenarioException(string source, IReadOnlyList<ScenarioError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.Format(source))))
{
    public string ScenarioSource { get; } = source;
    public IReadOnlyList<ScenarioError> Errors { get; } = errors;
}
