using System.Globalization;

namespace LiquidityLab.Scenarios.Running;

/// <summary>Invariant, compact number formatting for tables (console and report alike).</summary>
public static class Format
{
    public static string Money(decimal value) => decimal.Round(value, 4).ToString("#,0.####", CultureInfo.InvariantCulture);
    public static string Number(double? value, int significant = 5) =>
        value is not { } v || !double.IsFinite(v) ? "n/a" : v.ToString("G" + significant, CultureInfo.InvariantCulture);
    public static string Integer(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
    public static string Percent(double? value) => value is { } v && double.IsFinite(v) ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : "n/a";
}
