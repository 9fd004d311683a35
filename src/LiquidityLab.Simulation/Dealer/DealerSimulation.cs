using LiquidityLab.Core.Accounting;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.Markets.Dealer;
using LiquidityLab.Strategies.Quoting;

namespace LiquidityLab.Simulation.Dealer;

/// <summary>
/// The quote-driven dealer market. One step per client arrival:
/// <list type="number">
/// <item>the mid moves by its process over the waiting time, and every maker is marked to it
/// (mark-to-market happens every step, traded or not);</item>
/// <item>every maker prices a two-sided quote from the mid and its own inventory, rounded to the
/// tick grid away from the mid (bid down, ask up);</item>
/// <item>the client goes to the best price; a maker whose limit the trade would breach declines
/// (recorded) and the next best price serves; with no willing maker the client goes unserved;</item>
/// <item>a maker whose |inventory| now exceeds its hedge threshold hedges at mid plus cost.</item>
/// </list>
/// Streams: "mid" drives the mid, "clients" the flow, "router" the tie-breaks. Floating point lives
/// in the mid model; quotes are integer ticks and the books are exact decimals.
/// </summary>
public sealed class DealerSimulation
{
    private readonly DealerMarketSetup _setup;

    public DealerSimulation(DealerMarketSetup setup)
    {
        if (setup.Makers.Count == 0) throw new ArgumentException("at least one maker is required", nameof(setup));
        if (setup.ClientCount <= 0) throw new ArgumentOutOfRangeException(nameof(setup), setup.ClientCount, "client count must be > 0");
        if (setup.RecordEvery <= 0) throw new ArgumentOutOfRangeException(nameof(setup), setup.RecordEvery, "record interval must be > 0");
        _setup = setup;
    }

    public DealerRunResult Run(ulong seed, IDealerRunObserver? observer = null, IProgress<double>? progress = null, CancellationToken cancel = default)
    {
        var s = _setup;
        var instrument = s.Instrument;
        var makers = s.Makers;
        var n = makers.Count;
        var steps = s.ClientCount;

        var midRng = RandomStream.Create(seed, "mid");
        var process = s.MidProcess.Fresh();
        var flow = new ClientFlow(s.ClientRate, s.BuyProbability, s.ClientSizes, RandomStream.Create(seed, "clients"));
        var router = new QuoteRouter(n, RandomStream.Create(seed, "router"));

        var accounts = new TradingAccount[n];
        var quotes = new DealerQuote[n];
        var fills = new long[n];
        var rejections = new long[n];
        var pnlPaths = new double[n][];
        var inventoryPaths = new long[n][];
        var timePath = new double[steps + 1];
        var midPath = new double[steps + 1];

        var mid = s.InitialMid;
        var midMoney = ToMoney(mid);
        for (var m = 0; m < n; m++)
        {
            accounts[m] = new TradingAccount(instrument.LotSize, midMoney);
            pnlPaths[m] = new double[steps + 1];
            inventoryPaths[m] = new long[steps + 1];
        }
        timePath[0] = 0;
        midPath[0] = mid;
        var time = 0.0;
        PostQuotes(mid, process, time, accounts, quotes);
        if (observer != null) RecordStep(observer, 0, time, midMoney, accounts, quotes, fills, rejections);

        long served = 0, unserved = 0, clientLots = 0;
        var progressEvery = Math.Max(1, steps / 200);

        for (long step = 1; step <= steps; step++)
        {
            var client = flow.Next();
            mid = process.Step(mid, client.Time - time, midRng);
            time = client.Time;
            midMoney = ToMoney(mid);
            foreach (var account in accounts) account.MarkTo(midMoney);

            PostQuotes(mid, process, time, accounts, quotes);
            clientLots += client.Lots;

            var makerSide = client.ClientSide.Opposite();
            var servedBy = -1;
            foreach (var m in router.Rank(quotes, client.ClientSide))
            {
                var account = accounts[m];
                var limit = makers[m].InventoryLimit;
                var after = account.Inventory + makerSide.Sign() * client.Lots;
                var price = instrument.ToMoney(quotes[m].For(client.ClientSide));
                if (limit is { } l && Math.Abs(after) > l)
                {
                    rejections[m]++;
                    observer?.OnTrade(new DealerTradeRecord(step, time, client.Id, DealerEventKind.Rejected, makers[m].Name, makerSide,
                        client.Lots, price, midMoney, account.Inventory,
                        $"inventory limit {l}: position {account.Inventory} {(makerSide == Side.Buy ? "+" : "-")} {client.Lots} would reach {after}"));
                    continue;
                }
                account.Trade(makerSide, client.Lots, price);
                fills[m]++;
                servedBy = m;
                observer?.OnTrade(new DealerTradeRecord(step, time, client.Id, DealerEventKind.Fill, makers[m].Name, makerSide,
                    client.Lots, price, midMoney, account.Inventory, null));
                Hedge(step, time, client.Id, makers[m], account, observer);
                break;
            }
            if (servedBy >= 0) served++;
            else
            {
                unserved++;
                observer?.OnTrade(new DealerTradeRecord(step, time, client.Id, DealerEventKind.Unserved, null, makerSide,
                    client.Lots, 0m, midMoney, 0, "no maker could take the trade within its inventory limit"));
            }

            timePath[step] = time;
            midPath[step] = mid;
            for (var m = 0; m < n; m++)
            {
                pnlPaths[m][step] = (double)accounts[m].Total;
                inventoryPaths[m][step] = accounts[m].Inventory;
            }
            if (observer != null && (step % s.RecordEvery == 0 || step == steps))
                RecordStep(observer, step, time, midMoney, accounts, quotes, fills, rejections);
            if (step % progressEvery == 0)
            {
                cancel.ThrowIfCancellationRequested();
                progress?.Report(step / (double)steps);
            }
        }
        progress?.Report(1.0);

        var results = new MakerResult[n];
        for (var m = 0; m < n; m++)
        {
            var a = accounts[m];
            results[m] = new MakerResult(makers[m], pnlPaths[m], inventoryPaths[m], a.Total, a.Realized, a.Unrealized, a.Cash,
                a.SpreadCapture, a.InventoryPnl, a.HedgeCost, fills[m], a.TradedLots, rejections[m], a.HedgeCount, a.HedgedLots, a.Inventory);
        }
        return new DealerRunResult(steps, timePath, midPath, results, served, unserved, clientLots);
    }

    private void PostQuotes(double mid, IMidProcess process, double time, TradingAccount[] accounts, DealerQuote[] quotes)
    {
        var volatility = process.Volatility(mid);
        var instrument = _setup.Instrument;
        for (var m = 0; m < accounts.Length; m++)
        {
            var intent = _setup.Makers[m].Quoting.Quote(new QuoteContext(mid, accounts[m].Inventory, volatility, time));
            var bid = instrument.FloorToTick(intent.Bid);
            var ask = instrument.CeilToTick(intent.Ask);
            if (ask <= bid) ask = bid + 1; // a quote is never locked or crossed on the grid
            quotes[m] = new DealerQuote(bid, ask);
        }
    }

    private static void Hedge(long step, double time, long clientId, MakerSetup maker, TradingAccount account, IDealerRunObserver? observer)
    {
        if (maker.Hedge is not { } hedge || hedge.Rule.Decide(account.Inventory) is not { } order) return;
        var costPerUnit = hedge.CostPerUnit + hedge.SlippagePerUnit * order.Lots;
        account.Hedge(order.Side, order.Lots, costPerUnit);
        observer?.OnTrade(new DealerTradeRecord(step, time, clientId, DealerEventKind.Hedge, maker.Name, order.Side, order.Lots,
            account.Mark + order.Side.Sign() * costPerUnit, account.Mark, account.Inventory,
            $"|inventory| passed hedge threshold {hedge.Rule.Threshold}"));
    }

    private void RecordStep(IDealerRunObserver observer, long step, double time, decimal mid, TradingAccount[] accounts,
        DealerQuote[] quotes, long[] fills, long[] rejections)
    {
        var instrument = _setup.Instrument;
        for (var m = 0; m < accounts.Length; m++)
        {
            var a = accounts[m];
            observer.OnStep(new DealerStepRecord(step, time, mid, _setup.Makers[m].Name, instrument.ToMoney(quotes[m].Bid),
                instrument.ToMoney(quotes[m].Ask), a.Inventory, a.Cash, a.Total, a.Realized, a.Unrealized, a.SpreadCapture,
                a.InventoryPnl, a.HedgeCost, a.HedgedLots, fills[m], rejections[m]));
        }
    }

    // The books are exact decimals: the model's mid enters them once per step, rounded to 1e-10.
    private static decimal ToMoney(double mid) => decimal.Round((decimal)mid, 10);
}
