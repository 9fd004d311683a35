using LiquidityLab.Core.Domain;

namespace LiquidityLab.OrderDriven.Accounting;

/// <summary>
/// Fees per lot in currency, charged by the exchange on every fill: the taker (aggressor) pays
/// <see cref="TakerPerLot"/>, the resting side <see cref="MakerPerLot"/> (negative = a rebate).
/// </summary>
public readonly record struct FeeSchedule(decimal MakerPerLot, decimal TakerPerLot)
{
    public static readonly FeeSchedule None = new(0m, 0m);
}

/// <summary>
/// The exchange's exact books: every agent's cash (currency, <c>decimal</c>) and shares (lots), as they
/// really are at this instant, whatever the agents have seen so far. The exchange's own fee account
/// closes the system: Σ cash + fees collected = Σ starting cash and Σ shares = Σ starting shares,
/// after every fill.
/// </summary>
public sealed class Ledger
{
    private readonly decimal[] _cash;
    private readonly long[] _shares;
    private readonly decimal _tick;

    public Ledger(int agents, decimal tickSize, FeeSchedule fees, decimal startingCash = 0m)
    {
        _cash = new decimal[agents];
        _shares = new long[agents];
        _tick = tickSize;
        Fees = fees;
        if (startingCash != 0) Array.Fill(_cash, startingCash);
        StartingCashTotal = startingCash * agents;
    }

    public FeeSchedule Fees { get; }
    public decimal StartingCashTotal { get; }
    public decimal FeesCollected { get; private set; }
    public long TradedVolume { get; private set; }

    public decimal Cash(int agent) => _cash[agent];
    public long Shares(int agent) => _shares[agent];
    public int Agents => _shares.Length;

    /// <summary>Books one fill: the buyer pays price × quantity, the seller receives it, both pay their fee.</summary>
    public void Book(Side aggressorSide, int aggressor, int resting, long priceTicks, long quantity, out decimal aggressorFee, out decimal restingFee)
    {
        var notional = priceTicks * _tick * quantity;
        aggressorFee = Fees.TakerPerLot * quantity;
        restingFee = Fees.MakerPerLot * quantity;
        var buyer = aggressorSide == Side.Buy ? aggressor : resting;
        var seller = aggressorSide == Side.Buy ? resting : aggressor;
        _cash[buyer] -= notional;
        _cash[seller] += notional;
        _shares[buyer] += quantity;
        _shares[seller] -= quantity;
        _cash[aggressor] -= aggressorFee;
        _cash[resting] -= restingFee;
        FeesCollected += aggressorFee + restingFee;
        TradedVolume += quantity;
    }

    /// <summary>Σ cash + fees − starting cash (0 when cash is conserved) and Σ shares (0 when shares are).</summary>
    public (decimal CashResidual, long SharesResidual) Conservation()
    {
        var cash = FeesCollected - StartingCashTotal;
        foreach (var c in _cash) cash += c;
        long shares = 0;
        foreach (var s in _shares) shares += s;
        return (cash, shares);
    }
}
