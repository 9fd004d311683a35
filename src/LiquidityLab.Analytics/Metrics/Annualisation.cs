namespace LiquidityLab.Analytics.Metrics;

/// <summary>
/// How per-bar ratios become annual ones: × √(bars per day × days per year). Stated next to every
/// annualised number, so a Sharpe is never annualised in one place and not in another.
/// </summary>
public readonly record struct Annualisation(double BarsPerDay, double DaysPerYear)
{
    public double BarsPerYear => BarsPerDay * DaysPerYear;
    public double Factor => Math.Sqrt(BarsPerYear);
    public double Annualise(double perBarRatio) => perBarRatio * Factor;
    public override string ToString() => $"per-bar ratio × √({BarsPerDay:G6} bars/day × {DaysPerYear:G6} days/year)";
}
