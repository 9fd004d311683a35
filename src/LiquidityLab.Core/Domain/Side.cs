namespace LiquidityLab.Core.Domain;

/// <summary>The side of an order or a trade, from the point of view of whoever holds it.</summary>
public enum Side : byte
{
    Buy = 0,
    Sell = 1,
}

public static class SideExtensions
{
    /// <summary>+1 for a buy (inventory goes up), −1 for a sell.</summary>
    public static int Sign(this Side side) => side == Side.Buy ? 1 : -1;

    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    public static string ToWire(this Side side) => side == Side.Buy ? "buy" : "sell";
}
