namespace LiquidityLab.Scenarios.Alpha.Data;

/// <summary>A market-data file that cannot be used: names the file, the line and what is wrong. The CLI turns it into exit code 2.</summary>
public sealed class MarketDataException(string file, int line, string problem)
    : Exception(line > 0 ? $"{file}:{line}: {problem}" : $"{file}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}

/// <summary>Loaded bars, how many bars a trading day holds, and the bad rows skipped (with --skip-bad-rows).</summary>
public sealed record MarketData(IReadOnlyList<Simulation.Alpha.MarketBar> Bars, double BarsPerDay, int SkippedRows, string? FirstSkipped, string Description);

/// <summary>Collects bad rows: the first one stops the load unless skipping was asked for.</summary>
internal sealed class BadRows(string file, bool skip)
{
    public int Count { get; private set; }
    public string? First { get; private set; }

    public void Report(int line, string problem)
    {
        if (!skip) throw new MarketDataException(file, line, problem + " (--skip-bad-rows skips such rows)");
        Count++;
        First ??= $"{file}:{line}: {problem}";
    }
}
