namespace LiquidityLab.Core.Domain;

/// <summary>
/// A price on the book: an integer count of ticks of its instrument. Conversion to money
/// happens at the edges through <see cref="Instrument"/>; arithmetic is checked.
/// </summary>
public readonly record struct Price(long Ticks) : IComparable<Price>
{
    public int CompareTo(Price other) => Ticks.CompareTo(other.Ticks);

    public static Price operator +(Price p, long ticks) => new(checked(p.Ticks + ticks));
    public static Price operator -(Price p, long ticks) => new(checked(p.Ticks - ticks));
    public static long operator -(Price a, Price b) => checked(a.Ticks - b.Ticks);
    public static bool operator <(Price a, Price b) => a.Ticks < b.Ticks;
    public static bool operator >(Price a, Price b) => a.Ticks > b.Ticks;
    public static bool operator <=(Price a, Price b) => a.Ticks <= b.Ticks;
    public static bool operator >=(Price a, Price b) => a.Ticks >= b.Ticks;

    public override string ToString() => $"{Ticks}t";
}
