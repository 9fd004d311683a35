using LiquidityLab.Core.Domain;

namespace LiquidityLab.Scenarios.Schema;

public sealed class InstrumentConfig
{
    public string Symbol { get; set; } = "XYZ";

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("price increment, money per tick")]
    public decimal TickSize { get; set; } = 0.01m;

    [Range(0, double.PositiveInfinity, MinExclusive = true), Doc("units per lot")]
    public decimal LotSize { get; set; } = 1m;

    public Instrument ToInstrument() => new(Symbol, TickSize, LotSize);
}
