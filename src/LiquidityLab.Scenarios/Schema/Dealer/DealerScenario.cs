namespace LiquidityLab.Scenarios.Schema.Dealer;

/// <summary>A quote-driven dealer market: makers quote to Poisson client flow around a simulated mid.</summary>
[Kind("dealer")]
public sealed class DealerScenario : Scenario
{
    public InstrumentConfig Instrument { get; set; } = new();

    [RequiredKey]
    public MidConfig Mid { get; set; } = new();

    [RequiredKey]
    public ClientFlowConfig Clients { get; set; } = new();

    [RequiredKey, MinItems(1)]
    public List<MakerConfig> Makers { get; set; } = [];

    public override void Validate(ValidationContext context)
    {
        base.Validate(context);
        var duplicate = Makers.GroupBy(m => m.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) context.Error("makers", duplicate.Key, "not allowed: maker names must be unique");
    }
}

public sealed class MidConfig
{
    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("mid price at the start")]
    public double Initial { get; set; } = 100;

    [RequiredKey]
    public ProcessConfig? Process { get; set; }
}

public sealed class ClientFlowConfig
{
    [RequiredKey, Range(1, 100_000_000), Doc("number of client arrivals: one simulation step each")]
    public long Count { get; set; }

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("arrivals per unit time (Poisson)")]
    public double Rate { get; set; } = 1;

    [Range(0, 1), Doc("probability that a client buys; 0.5 is balanced flow")]
    public double BuyProbability { get; set; } = 0.5;

    public SizeConfig Size { get; set; } = new FixedSizeConfig();
}
