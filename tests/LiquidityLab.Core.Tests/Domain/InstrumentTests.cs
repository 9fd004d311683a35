using LiquidityLab.Core.Domain;

namespace LiquidityLab.Core.Tests.Domain;

public class InstrumentTests
{
    private static readonly Instrument Stock = new("XYZ", 0.01m);

    [Theory]
    [InlineData(100.004, 10000, 10001)]
    [InlineData(100.00, 10000, 10000)]
    [InlineData(99.995, 9999, 10000)]
    public void Bids_RoundDown_AsksRoundUp_SoRoundingNeverImprovesAQuote(double price, long floor, long ceil)
    {
        Assert.Equal(floor, Stock.FloorToTick(price).Ticks);
        Assert.Equal(ceil, Stock.CeilToTick(price).Ticks);
    }

    [Fact]
    public void PriceOnTheGrid_ConvertsExactly_OffTheGridIsRefused()
    {
        Assert.Equal(new Price(10_001), Stock.TryFromMoney(100.01m));
        Assert.Null(Stock.TryFromMoney(100.005m));
        Assert.Equal(100.01m, Stock.ToMoney(new Price(10_001)));
    }

    [Fact]
    public void InvalidTickSize_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Instrument("X", 0m));
    }

    [Fact]
    public void PriceArithmetic_IsChecked()
    {
        Assert.Throws<OverflowException>(() => new Price(long.MaxValue) + 1);
    }
}
