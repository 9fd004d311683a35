namespace LiquidityLab.Strategies.Quoting;

/// <summary>Quotes mid ± spread/2 whatever the inventory: the naive dealer.</summary>
public sealed class FixedSpreadQuoting : IQuotingPolicy
{
    public FixedSpreadQuoting(double spread)
    {
        if (!(spread > 0) || double.IsInfinity(spread)) throw new ArgumentOutOfRangeException(nameof(spread), spread, "must be a finite number > 0");
        Spread = spread;
    }

    public double Spread { get; }

    public QuoteIntent Quote(in QuoteContext context) => new(context.Mid - Spread / 2, context.Mid + Spread / 2);
}
