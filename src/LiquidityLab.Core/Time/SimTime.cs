namespace LiquidityLab.Core.Time;

/// <summary>
/// Simulated time: a count of nanoseconds owned by the simulation. Nothing in the simulation reads
/// the wall clock; event kernels order by (SimTime, sequence number).
/// </summary>
public readonly record struct SimTime(long Nanoseconds) : IComparable<SimTime>
{
    public const long NanosPerMicrosecond = 1_000;
    public const long NanosPerMillisecond = 1_000_000;
    public const long NanosPerSecond = 1_000_000_000;

    public static readonly SimTime Zero = new(0);

    public static SimTime FromSeconds(double seconds) => new(checked((long)Math.Round(seconds * NanosPerSecond)));
    public static SimTime FromMilliseconds(double ms) => new(checked((long)Math.Round(ms * NanosPerMillisecond)));
    public static SimTime FromMicroseconds(double us) => new(checked((long)Math.Round(us * NanosPerMicrosecond)));

    public double TotalSeconds => Nanoseconds / (double)NanosPerSecond;

    public int CompareTo(SimTime other) => Nanoseconds.CompareTo(other.Nanoseconds);

    public static SimTime operator +(SimTime t, SimTime d) => new(checked(t.Nanoseconds + d.Nanoseconds));
    public static SimTime operator -(SimTime t, SimTime d) => new(checked(t.Nanoseconds - d.Nanoseconds));
    public static bool operator <(SimTime a, SimTime b) => a.Nanoseconds < b.Nanoseconds;
    public static bool operator >(SimTime a, SimTime b) => a.Nanoseconds > b.Nanoseconds;
    public static bool operator <=(SimTime a, SimTime b) => a.Nanoseconds <= b.Nanoseconds;
    public static bool operator >=(SimTime a, SimTime b) => a.Nanoseconds >= b.Nanoseconds;

    public override string ToString() => $"{TotalSeconds:0.#########}s";
}
