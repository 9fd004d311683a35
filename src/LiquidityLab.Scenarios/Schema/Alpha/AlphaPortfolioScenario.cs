namespace LiquidityLab.Scenarios.Schema.Alpha;

/// <summary>
/// Alpha market making on several correlated synthetic instruments: correlated GBM mids, one maker
/// quoting each with the same signal and quoting set-up, quotes leaning on the portfolio's risk, and a
/// cross-hedge of the net exposure in one instrument.
/// </summary>
[Kind("alpha_multi")]
public sealed class AlphaPortfolioScenario : Scenario
{
    [RequiredKey, MinItems(2)]
    public List<PortfolioInstrumentConfig> Instruments { get; set; } = [];

    [RequiredKey, Doc("correlation matrix of the instruments' Brownian motions, one row per instrument")]
    public List<List<double>> Correlation { get; set; } = [];

    [Range(1, 1_000_000), Doc("bars per trading day; the processes' time unit is one trading day")]
    public int BarsPerDay { get; set; } = 390;

    [Range(1, 10_000)]
    public int Days { get; set; } = 1;

    [Range(1, 366)]
    public double DaysPerYear { get; set; } = 252;

    public PortfolioConfig Portfolio { get; set; } = new();

    [RequiredKey, MinItems(1), Doc("the signals each instrument's quotes use (one blend per instrument)")]
    public List<SignalConfig> Signals { get; set; } = [];

    public ConfidenceConfig Confidence { get; set; } = new();

    [Range(2, 100_000)]
    public int NormalisationWindow { get; set; } = 100;

    [RequiredKey]
    public QuotingConfig Quoting { get; set; } = new();

    public VolatilityConfig Volatility { get; set; } = new();

    public FillModelConfig Fills { get; set; } = new ExponentialFillConfig();

    public ExecutionConfig Execution { get; set; } = new();

    [Doc("applied to each instrument on its own")]
    public RiskConfig Risk { get; set; } = new();

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        var n = Instruments.Count;
        if (Correlation.Count != n || Correlation.Any(r => r.Count != n))
        {
            context.Error("correlation", $"{Correlation.Count} row(s)", $"not allowed: must be a {n}x{n} matrix, one row and one column per instrument");
            return;
        }
        try
        {
            Core.Randomness.CorrelatedNormals.Cholesky(Matrix());
        }
        catch (ArgumentException e)
        {
            context.Error("correlation", "the matrix", $"not allowed: {e.Message}");
        }
        if (Portfolio.HedgeWith.Length > 0 && Instruments.All(i => i.Symbol != Portfolio.HedgeWith))
            context.Error("portfolio.hedge_with", Portfolio.HedgeWith, $"not allowed: one of {string.Join(", ", Instruments.Select(i => i.Symbol))}");
        if (Instruments.Select(i => i.Symbol).Distinct().Count() != n) context.Error("instruments", "symbols", "not allowed: symbols must be unique");
    }

    public double[,] Matrix()
    {
        var n = Instruments.Count;
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        for (var j = 0; j < n; j++)
            c[i, j] = Correlation[i][j];
        return c;
    }
}

public sealed class PortfolioInstrumentConfig
{
    [RequiredKey] public string Symbol { get; set; } = "";

    [Range(0, double.PositiveInfinity, MinExclusive = true)] public decimal TickSize { get; set; } = 0.01m;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("mid at the start")]
    public double Initial { get; set; } = 100;

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("GBM drift per trading day")]
    public double Drift { get; set; }

    [RequiredKey, Range(0, double.PositiveInfinity), Doc("GBM volatility per √(trading day)")]
    public double Volatility { get; set; }

    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("units of the portfolio's reference risk per lot: net exposure = Σ hedge_ratio × inventory (the minimum-variance hedge of instrument 0 by i has hedge_ratio var(ΔSᵢ)/cov(ΔSᵢ, ΔS₀))")]
    public double HedgeRatio { get; set; } = 1;
}

public sealed class PortfolioConfig : IValidatable
{
    [Range(0, double.PositiveInfinity), Doc("quote shift per unit of marginal portfolio risk (Σq)ᵢ, Σ the per-bar covariance of price changes")]
    public double Skew { get; set; }

    [Range(1, 1_000_000), Doc("half-life of the covariance estimate, bars")]
    public double CovarianceHalfLife { get; set; } = 100;

    [Doc("symbol of the instrument that cross-hedges the net exposure; empty = no hedging")]
    public string HedgeWith { get; set; } = "";

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("|net exposure| at which the hedge trades")]
    public double HedgeThreshold { get; set; } = 10;

    public void Validate(ValidationContext context) { }
}
