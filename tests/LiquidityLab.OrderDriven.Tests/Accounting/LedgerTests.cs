using LiquidityLab.Core.Domain;
using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Tests.Support;
using static LiquidityLab.OrderDriven.Tests.Support.Markets;

namespace LiquidityLab.OrderDriven.Tests.Accounting;

public class LedgerTests
{
    [Fact]
    public void Book_OneFill_MovesCashAndSharesAndChargesBothFees()
    {
        var ledger = new Ledger(2, 0.01m, new FeeSchedule(-0.001m, 0.003m));
        ledger.Book(Side.Buy, aggressor: 0, resting: 1, priceTicks: 10_000, quantity: 5, out var takerFee, out var makerFee);
        Assert.Equal((0.015m, -0.005m), (takerFee, makerFee));
        Assert.Equal(-500m - 0.015m, ledger.Cash(0));
        Assert.Equal(500m + 0.005m, ledger.Cash(1));
        Assert.Equal((5L, -5L), (ledger.Shares(0), ledger.Shares(1)));
        Assert.Equal((0m, 0L), ledger.Conservation());
    }

    [Theory]
    [InlineData(21UL)]
    [InlineData(22UL)]
    public void CashAndShares_AcrossAllAgentsAndTheExchange_AreConservedAtEverySample(ulong seed)
    {
        var agents = Crowd(20, Latency(200, 100, 50));
        agents.Add(new FlowSkewMaker("MM1", 20, 5, 4, 0.5, 10 * S, S, S / 20));
        agents.Add(new InventorySkewMaker("MM2", 10, 4, 4, 0.3, S, S / 20));
        agents.Add(new LiquidityShock("shock", 5 * S, 3, 7, new LiquidityLab.Core.Randomness.UniformSize(10, 20), S / 100, 0, 10));
        var observer = new RecordingObserver();
        var kernel = new MarketKernel(Setup(300, seed, new FeeSchedule(-0.0002m, 0.0003m)), agents, observer);
        var checks = 0;
        observer.AfterSample = _ =>
        {
            Assert.Equal((0m, 0L), kernel.Ledger.Conservation());
            checks++;
        };
        kernel.Run();
        Assert.True(kernel.Counters.Trades > 500);
        Assert.True(kernel.Ledger.FeesCollected != 0);
        Assert.Equal(301, checks);
        // the makers' own books agree with the exchange's ledger
        for (var m = 0; m < kernel.Makers.Count; m++)
        {
            Assert.Equal(kernel.Ledger.Shares(kernel.Makers[m].Id), kernel.MakerAccounts[m].Position);
            Assert.Equal(kernel.Ledger.Cash(kernel.Makers[m].Id), kernel.MakerAccounts[m].Cash);
        }
    }
}
