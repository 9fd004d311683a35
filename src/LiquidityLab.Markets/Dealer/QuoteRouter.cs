using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Markets.Dealer;

/// <summary>A dealer's posted two-sided quote, on the tick grid.</summary>
public readonly record struct DealerQuote(Price Bid, Price Ask)
{
    /// <summary>The price a client on <paramref name="clientSide"/> trades at: a client buy lifts the ask.</summary>
    public Price For(Side clientSide) => clientSide == Side.Buy ? Ask : Bid;
}

/// <summary>
/// Orders dealers from the best price to the worst for a client: lowest ask for a buyer, highest
/// bid for a seller. Dealers at the same price are ordered uniformly at random, so no dealer wins
/// ties by its position in the list. The caller walks the order until a dealer accepts.
/// Reuses its buffers: no allocation per client.
/// </summary>
public sealed class QuoteRouter
{
    private readonly RandomStream _rng;
    private readonly int[] _order;
    private readonly double[] _tieKeys;

    public QuoteRouter(int dealers, RandomStream rng)
    {
        if (dealers <= 0) throw new ArgumentOutOfRangeException(nameof(dealers), dealers, "must be > 0");
        _rng = rng;
        _order = new int[dealers];
        _tieKeys = new double[dealers];
    }

    /// <summary>Dealer indices, best price first, for a client on <paramref name="clientSide"/>.</summary>
    public ReadOnlySpan<int> Rank(ReadOnlySpan<DealerQuote> quotes, Side clientSide)
    {
        if (quotes.Length != _order.Length) throw new ArgumentException($"expected {_order.Length} quotes, got {quotes.Length}", nameof(quotes));
        for (var i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
            _tieKeys[i] = _rng.NextDouble();
        }
        // insertion sort: dealer counts are small, and it keeps the routine allocation-free
        for (var i = 1; i < _order.Length; i++)
        {
            var current = _order[i];
            var j = i - 1;
            while (j >= 0 && Better(quotes, clientSide, current, _order[j]))
            {
                _order[j + 1] = _order[j];
                j--;
            }
            _order[j + 1] = current;
        }
        return _order;
    }

    private bool Better(ReadOnlySpan<DealerQuote> quotes, Side clientSide, int a, int b)
    {
        var pa = quotes[a].For(clientSide);
        var pb = quotes[b].For(clientSide);
        if (pa != pb) return clientSide == Side.Buy ? pa < pb : pa > pb;
        return _tieKeys[a] < _tieKeys[b];
    }
}
