namespace LiquidityLab.Core.Domain;

/// <summary>A quantity: an integer count of lots of its instrument. Arithmetic is checked.</summary>
public readonly record struct Quantity(long Lots) : IComparable<Quantity>
{
    public static readonly Quantity Zero = new(0);

    public bool IsPositive => Lots > 0;

    public int CompareTo(Quantity other) => Lots.CompareTo(other.Lots);

    public static Quantity operator +(Quantity a, Quantity b) => new(checked(a.Lots + b.Lots));
    public static Quantity operator -(Quantity a, Quantity b) => new(checked(a.Lots - b.Lots));
    public static bool operator <(Quantity a, Quantity b) => a.Lots < b.Lots;
    public static bool operator >(Quantity a, Quantity b) => a.Lots > b.Lots;
    public static bool operator <=(Quantity a, Quantity b) => a.Lots <= b.Lots;
    public static bool operator >=(Quantity a, Quantity b) => a.Lots >= b.Lots;

    public override string ToString() => $"{Lots}L";
}
