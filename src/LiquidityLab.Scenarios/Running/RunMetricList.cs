namespace LiquidityLab.Scenarios.Running;

/// <summary>Collects a run's headline metrics; an undefined number (null, NaN, ±∞) is left out, never recorded.</summary>
public sealed class RunMetricList : List<RunMetric>
{
    public void Add(string key, double? value)
    {
        if (value is { } v && double.IsFinite(v)) Add(new RunMetric(key, v));
    }

    /// <summary>A summary field's value: the number, or null (JSON null) when it is not finite.</summary>
    public static double? OrNull(double x) => double.IsFinite(x) ? x : null;
}
