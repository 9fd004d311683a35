using System.Text.Json;
using System.Text.Json.Serialization;
using LiquidityLab.Analytics.Microstructure;
using LiquidityLab.OrderBook.Lobster;

namespace LiquidityLab.Scenarios.Microstructure;

/// <summary>
/// The stylized facts of a real LOBSTER day, computed like those of a simulated market, and the bundled
/// reference: the AMZN sample day of data/samples/lobster, so that a simulated day's report can set its
/// facts beside real ones without the data files at hand. A test recomputes the reference from the files.
/// </summary>
public static class LobsterFacts
{
    /// <summary>LOBSTER prices are USD × 10,000; one tick is one cent.</summary>
    private const double PriceUnitsPerUsd = 10_000;
    private const long PriceUnitsPerTick = 100;

    public const double ReferenceIntervalSeconds = 60;

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Mids and spreads from the rows with both sides quoted; trade sizes from visible and hidden executions.</summary>
    public static MarketFacts Compute(string source, IReadOnlyList<LobsterMessage> messages, IReadOnlyList<LobsterBookRow> rows, double intervalSeconds)
    {
        if (messages.Count != rows.Count) throw new ArgumentException($"{messages.Count} messages but {rows.Count} orderbook rows: LOBSTER writes one row per message");
        var times = new List<double>(rows.Count);
        var mids = new List<double>(rows.Count);
        var spreads = new List<long>(rows.Count);
        var sizes = new List<double>();
        for (var i = 0; i < rows.Count; i++)
        {
            var m = messages[i];
            if (m.Type is LobsterEventType.Execution or LobsterEventType.HiddenExecution) sizes.Add(m.Size);
            var row = rows[i];
            if (!row.HasBid(0) || !row.HasAsk(0)) continue;
            times.Add(m.Time.TotalSeconds);
            mids.Add((row.BidPrice(0) + row.AskPrice(0)) / 2.0 / PriceUnitsPerUsd);
            spreads.Add((row.AskPrice(0) - row.BidPrice(0)) / PriceUnitsPerTick);
        }
        return MarketFacts.Compute(source, times.ToArray(), mids.ToArray(), spreads, sizes, intervalSeconds);
    }

    /// <summary>The facts of AMZN on 2012-06-21 (LOBSTER sample, level 1), one-minute returns.</summary>
    public static MarketFacts Reference => LazyReference.Value;

    private static readonly Lazy<MarketFacts> LazyReference = new(LoadReference);

    private static MarketFacts LoadReference()
    {
        using var stream = typeof(LobsterFacts).Assembly.GetManifestResourceStream("reference/amzn-2012-06-21-facts.json")
            ?? throw new InvalidOperationException("the bundled LOBSTER reference facts are missing from the assembly");
        return JsonSerializer.Deserialize(stream, LobsterFactsJson.Default.MarketFacts) ?? throw new InvalidOperationException("the bundled LOBSTER reference facts are empty");
    }
}
