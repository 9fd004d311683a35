namespace LiquidityLab.Scenarios.Schema;

/// <summary>
/// The root of every scenario file. <c>kind:</c> selects the simulation (dealer, …); the keys here
/// are common to all kinds.
/// </summary>
public abstract class Scenario : IValidatable
{
    [RequiredKey, Doc("short identifier, used to name the run folder")]
    public string Name { get; set; } = "";

    [Doc("one line shown by 'liqlab scenarios'")]
    public string Description { get; set; } = "";

    [Range(0, long.MaxValue), Doc("run seed; every random stream derives from it")]
    public long Seed { get; set; } = 1;

    public OutputConfig Output { get; set; } = new();

    public virtual void Validate(ValidationContext context)
    {
        if (Name.Length == 0 || Name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            context.Error("name", Name, "not allowed: letters, digits, '-', '_' and '.' only, not empty");
    }
}

/// <summary>What a run writes besides its summary and report.</summary>
public sealed class OutputConfig
{
    [Range(0, int.MaxValue), Doc("record the time series every N steps; 0 = automatic (about 10,000 rows)")]
    public int RecordEvery { get; set; }

    [Doc("write every fill, rejection and hedge to trades.csv")]
    public bool Trades { get; set; } = true;
}
