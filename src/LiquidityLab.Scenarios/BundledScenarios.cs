using System.Text;

namespace LiquidityLab.Scenarios;

/// <summary>The scenarios shipped inside the tool (the YAML files of the repository's scenarios/ folder).</summary>
public static class BundledScenarios
{
    private const string Prefix = "scenarios/";

    public static IReadOnlyList<string> Names { get; } = typeof(BundledScenarios).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".yaml", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".yaml".Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    public static string Read(string name)
    {
        using var stream = typeof(BundledScenarios).Assembly.GetManifestResourceStream(Prefix + name + ".yaml")
            ?? throw new ArgumentException($"no bundled scenario named '{name}'", nameof(name));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
