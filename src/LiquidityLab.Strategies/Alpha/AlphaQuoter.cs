namespace LiquidityLab.Strategies.Alpha;

/// <summary>The parameters of the alpha quote generator (prices in price units, sizes in lots).</summary>
/// <param name="HalfSpread">Base half-spread around the reservation price.</param>
/// <param name="InventorySkew">Shift of both quotes per lot of inventory (against the inventory).</param>
/// <param name="RiskWeighted">When true the skew per lot is InventorySkew × σ (σ the current volatility per bar): penalty = inventory × volatility.</param>
/// <param name="AlphaSkew">Shift of both quotes at full strength (+1 moves both quotes up by this much).</param>
/// <param name="HighVolatilityRatio">Current/reference volatility at or above which the market counts as turbulent.</param>
/// <param name="HighVolatilityWidening">The half-spread is multiplied by this in a turbulent market.</param>
/// <param name="BaseSize">Lots per side at zero strength.</param>
/// <param name="SizeScale">Size on the side the signal favours grows by BaseSize × SizeScale × |strength|, the other side shrinks by as much.</param>
/// <param name="MinSize">Smallest size quoted (0 lets a side vanish).</param>
/// <param name="MaxSize">Largest size quoted.</param>
public sealed record AlphaQuoterSettings(
    double HalfSpread,
    double InventorySkew = 0,
    bool RiskWeighted = false,
    double AlphaSkew = 0,
    double HighVolatilityRatio = double.PositiveInfinity,
    double HighVolatilityWidening = 1,
    long BaseSize = 1,
    double SizeScale = 0,
    long MinSize = 1,
    long MaxSize = long.MaxValue);

/// <summary>What the quote generator sees at a bar.</summary>
/// <param name="Mid">The mid now.</param>
/// <param name="Inventory">Signed inventory, lots (the net, hedge-ratio-weighted, inventory in a portfolio).</param>
/// <param name="Strength">Blended signal strength in [−1, 1] (confidence already applied).</param>
/// <param name="Volatility">Current volatility per bar, price units.</param>
/// <param name="VolatilityRatio">Current over reference volatility.</param>
/// <param name="Shift">A further shift of both quotes decided outside (a portfolio's risk), price units.</param>
public readonly record struct AlphaQuoteInput(double Mid, long Inventory, double Strength, double Volatility, double VolatilityRatio, double Shift = 0);

/// <summary>A two-sided quote in model prices and lots, before tick rounding and risk checks.</summary>
public readonly record struct AlphaQuote(double Bid, double Ask, long BidSize, long AskSize, double Reservation, double HalfSpread, bool Widened);

/// <summary>
/// The quote generator: reservation = mid − skew·q + AlphaSkew·strength, where skew is InventorySkew or,
/// risk-weighted, InventorySkew·σ; quotes at reservation ± half-spread, the half-spread widened in a
/// turbulent market. Sizes lean with the signal within [MinSize, MaxSize]. Pure: same input, same quote.
/// </summary>
public sealed class AlphaQuoter(AlphaQuoterSettings settings)
{
    public AlphaQuoterSettings Settings { get; } = settings;

    public AlphaQuote Quote(in AlphaQuoteInput input)
    {
        var s = Settings;
        var vol = double.IsFinite(input.Volatility) ? input.Volatility : 0;
        var skewPerLot = s.RiskWeighted ? s.InventorySkew * vol : s.InventorySkew;
        var reservation = input.Mid - skewPerLot * input.Inventory + s.AlphaSkew * input.Strength + input.Shift;
        var widened = input.VolatilityRatio >= s.HighVolatilityRatio;
        var half = s.HalfSpread * (widened ? s.HighVolatilityWidening : 1);
        var lean = s.BaseSize * s.SizeScale * Math.Abs(input.Strength);
        var (bigger, smaller) = (Size(s.BaseSize + lean), Size(s.BaseSize - lean));
        var (bidSize, askSize) = input.Strength >= 0 ? (bigger, smaller) : (smaller, bigger);
        return new AlphaQuote(reservation - half, reservation + half, bidSize, askSize, reservation, half, widened);

        long Size(double x) => Math.Clamp((long)Math.Round(x, MidpointRounding.AwayFromZero), s.MinSize, s.MaxSize);
    }
}
