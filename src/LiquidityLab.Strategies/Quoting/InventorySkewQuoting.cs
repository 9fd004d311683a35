namespace LiquidityLab.Strategies.Quoting;

/// <summary>
/// Quotes around a centre shifted against inventory, mid − skew × inventory, so a long maker
/// lowers both prices (sells more readily, buys less) and a short one raises them. The half-spread
/// is spread/2, optionally widened by <see cref="VolatilityWidening"/> × volatility.
/// </summary>
public sealed class InventorySkewQuoting : IQuotingPolicy
{
    public InventorySkewQuoting(double spread, double skewPerLot, double volatilityWidening = 0)
    {
        if (!(spread > 0) || double.IsInfinity(spread)) throw new ArgumentOutOfRangeException(nameof(spread), spread, "must be a finite number > 0");
        if (!(skewPerLot >= 0) || double.IsInfinity(skewPerLot)) throw new ArgumentOutOfRangeException(nameof(skewPerLot), skewPerLot, "must be a finite number >= 0");
        if (!(volatilityWidening >= 0) || double.IsInfinity(volatilityWidening)) throw new ArgumentOutOfRangeException(nameof(volatilityWidening), volatilityWidening, "must be a finite number >= 0");
        Spread = spread;
        SkewPerLot = skewPerLot;
        VolatilityWidening = volatilityWidening;
    }

    public double Spread { get; }

    /// <summary>Price shift of the quote centre per lot of inventory.</summary>
    public double SkewPerLot { get; }

    /// <summary>Extra half-spread per unit of mid volatility.</summary>
    public double VolatilityWidening { get; }

    public QuoteIntent Quote(in QuoteContext context)
    {
        var center = context.Mid - SkewPerLot * context.Inventory;
        var half = Spread / 2 + VolatilityWidening * context.Volatility;
        return new QuoteIntent(center - half, center + half);
    }
}
