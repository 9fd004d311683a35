namespace LiquidityLab.Core.Domain;

/// <summary>
/// A traded instrument. Prices that rest anywhere (a book, a dealer's posted quote) are whole
/// ticks of <see cref="TickSize"/>; quantities are whole lots of <see cref="LotSize"/> units.
/// Model prices in floating point meet the grid only through the rounding methods here, which
/// round a bid down and an ask up so that a rounded quote is never more aggressive than the model's.
/// </summary>
public sealed record Instrument
{
    public Instrument(string symbol, decimal tickSize, decimal lotSize = 1m)
    {
        if (string.IsNullOrWhiteSpace(symbol)) throw new ArgumentException("symbol must not be empty", nameof(symbol));
        if (tickSize <= 0) throw new ArgumentOutOfRangeException(nameof(tickSize), tickSize, "tick size must be > 0");
        if (lotSize <= 0) throw new ArgumentOutOfRangeException(nameof(lotSize), lotSize, "lot size must be > 0");
        Symbol = symbol;
        TickSize = tickSize;
        LotSize = lotSize;
    }

    public string Symbol { get; }

    /// <summary>Money per tick of price.</summary>
    public decimal TickSize { get; }

    /// <summary>Units of the instrument per lot.</summary>
    public decimal LotSize { get; }

    public decimal ToMoney(Price price) => price.Ticks * TickSize;

    public double ToDouble(Price price) => (double)(price.Ticks * TickSize);

    /// <summary>The price if it lies exactly on the tick grid; null otherwise.</summary>
    public Price? TryFromMoney(decimal money)
    {
        var ticks = money / TickSize;
        return decimal.Truncate(ticks) == ticks ? new Price((long)ticks) : null;
    }

    /// <summary>Largest grid price at or below <paramref name="price"/>: where a bid meets the grid.</summary>
    public Price FloorToTick(double price) => new(checked((long)Math.Floor(price / (double)TickSize + 1e-9)));

    /// <summary>Smallest grid price at or above <paramref name="price"/>: where an ask meets the grid.</summary>
    public Price CeilToTick(double price) => new(checked((long)Math.Ceiling(price / (double)TickSize - 1e-9)));

    /// <summary>Nearest grid price (half away from zero).</summary>
    public Price RoundToTick(double price) => new(checked((long)Math.Round(price / (double)TickSize, MidpointRounding.AwayFromZero)));
}
