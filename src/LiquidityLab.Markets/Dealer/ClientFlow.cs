using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Markets.Dealer;

/// <summary>A client request for a dealer: the client's side and size, arriving at a time.</summary>
public readonly record struct ClientOrder(long Id, double Time, Side ClientSide, long Lots);

/// <summary>
/// Client arrivals as a Poisson process of rate <see cref="Rate"/> per unit time; each client buys
/// with probability <see cref="BuyProbability"/> (0.5 = balanced flow) and trades a size drawn from
/// <see cref="Sizes"/>. Draws only from its own stream.
/// </summary>
public sealed class ClientFlow
{
    private readonly RandomStream _rng;
    private long _nextId = 1;
    private double _time;

    public ClientFlow(double rate, double buyProbability, SizeDistribution sizes, RandomStream rng)
    {
        if (!(rate > 0) || double.IsInfinity(rate)) throw new ArgumentOutOfRangeException(nameof(rate), rate, "must be a finite number > 0");
        if (!(buyProbability >= 0 && buyProbability <= 1)) throw new ArgumentOutOfRangeException(nameof(buyProbability), buyProbability, "must be in [0, 1]");
        Rate = rate;
        BuyProbability = buyProbability;
        Sizes = sizes;
        _rng = rng;
    }

    public double Rate { get; }
    public double BuyProbability { get; }
    public SizeDistribution Sizes { get; }

    /// <summary>The next client: exponential waiting time, then side and size.</summary>
    public ClientOrder Next()
    {
        _time += _rng.Exponential(Rate);
        var side = _rng.NextDouble() < BuyProbability ? Side.Buy : Side.Sell;
        return new ClientOrder(_nextId++, _time, side, Sizes.Sample(_rng));
    }
}
