namespace LiquidityLab.OrderBook.Lobster;

/// <summary>
/// Summary statistics of a LOBSTER day. Prices are reported in dollars (LOBSTER units / 10,000).
/// Traded volume counts executions of visible (type 4) and hidden (type 5) orders; cross trades (type 6)
/// are reported apart. Spread and depth come from the orderbook rows (level 1), as a plain mean over rows
/// and as a time-weighted mean (each row weighted by the time until the next message).
/// </summary>
public sealed record LobsterStats(
    IReadOnlyDictionary<LobsterEventType, long> CountsByType,
    long Messages,
    double FirstTimeSeconds,
    double LastTimeSeconds,
    long VisibleExecutedVolume,
    long HiddenExecutedVolume,
    long CrossVolume,
    long BuyerInitiatedVolume,
    long SellerInitiatedVolume,
    double? Vwap,
    double? MeanSpread,
    double? TimeWeightedSpread,
    double? MeanBidDepth,
    double? MeanAskDepth,
    double? TimeWeightedBidDepth,
    double? TimeWeightedAskDepth)
{
    public long TradedVolume => VisibleExecutedVolume + HiddenExecutedVolume;

    public static LobsterStats Compute(IReadOnlyList<LobsterMessage> messages, IReadOnlyList<LobsterBookRow>? rows)
    {
        if (rows is not null && rows.Count != messages.Count)
            throw new ArgumentException($"{messages.Count} messages but {rows.Count} orderbook rows: the files must have one row per message");
        var counts = Enum.GetValues<LobsterEventType>().ToDictionary(t => t, _ => 0L);
        long visible = 0, hidden = 0, cross = 0, buyerInit = 0, sellerInit = 0;
        double notional = 0;
        foreach (var m in messages)
        {
            counts[m.Type]++;
            switch (m.Type)
            {
                case LobsterEventType.Execution or LobsterEventType.HiddenExecution:
                    if (m.Type == LobsterEventType.Execution) visible += m.Size; else hidden += m.Size;
                    notional += (double)m.Size * m.Price;
                    // Direction is the resting side: a resting sell (−1) was hit by a buyer.
                    if (m.Direction == -1) buyerInit += m.Size; else sellerInit += m.Size;
                    break;
                case LobsterEventType.CrossTrade:
                    cross += m.Size;
                    break;
            }
        }
        double? vwap = visible + hidden > 0 ? notional / (visible + hidden) / 10_000 : null;

        double? meanSpread = null, twSpread = null, meanBid = null, meanAsk = null, twBid = null, twAsk = null;
        if (rows is not null && rows.Count > 0)
        {
            double spreadSum = 0, spreadW = 0, spreadTw = 0;
            long spreadN = 0;
            double bidSum = 0, askSum = 0, bidTw = 0, askTw = 0, totalW = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                var w = i + 1 < messages.Count ? (messages[i + 1].Time - messages[i].Time).TotalSeconds : 0;
                if (r.HasAsk(0) && r.HasBid(0))
                {
                    var s = (r.AskPrice(0) - r.BidPrice(0)) / 10_000.0;
                    spreadSum += s;
                    spreadN++;
                    spreadTw += s * w;
                    spreadW += w;
                }
                bidSum += r.HasBid(0) ? r.BidSize(0) : 0;
                askSum += r.HasAsk(0) ? r.AskSize(0) : 0;
                bidTw += (r.HasBid(0) ? r.BidSize(0) : 0) * w;
                askTw += (r.HasAsk(0) ? r.AskSize(0) : 0) * w;
                totalW += w;
            }
            if (spreadN > 0) meanSpread = spreadSum / spreadN;
            if (spreadW > 0) twSpread = spreadTw / spreadW;
            meanBid = bidSum / rows.Count;
            meanAsk = askSum / rows.Count;
            if (totalW > 0) { twBid = bidTw / totalW; twAsk = askTw / totalW; }
        }
        return new LobsterStats(counts, messages.Count,
            messages.Count > 0 ? messages[0].Time.TotalSeconds : 0, messages.Count > 0 ? messages[^1].Time.TotalSeconds : 0,
            visible, hidden, cross, buyerInit, sellerInit, vwap, meanSpread, twSpread, meanBid, meanAsk, twBid, twAsk);
    }
}
