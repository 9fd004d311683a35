namespace LiquidityLab.Strategies.Quoting;

/// <summary>What a quoting policy sees when it prices: the mid, the maker's own inventory and the mid's volatility.</summary>
/// <param name="Mid">Current mid price (model price, floating point).</param>
/// <param name="Inventory">The maker's signed inventory in lots.</param>
/// <param name="Volatility">Absolute volatility of the mid, price units per √time.</param>
/// <param name="Time">Simulation time in model units.</param>
public readonly record struct QuoteContext(double Mid, long Inventory, double Volatility, double Time);

/// <summary>A two-sided quote in model prices; the venue rounds the bid down and the ask up to its tick grid.</summary>
public readonly record struct QuoteIntent(double Bid, double Ask)
{
    public double Spread => Ask - Bid;
    public double Center => 0.5 * (Bid + Ask);
}

/// <summary>Prices a two-sided quote. Implementations are pure: the same context gives the same quote.</summary>
public interface IQuotingPolicy
{
    QuoteIntent Quote(in QuoteContext context);
}
