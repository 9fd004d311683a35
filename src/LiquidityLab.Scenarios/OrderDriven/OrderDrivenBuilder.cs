using LiquidityLab.Core.Processes;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Kernel;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.Scenarios.Schema.OrderDriven;

namespace LiquidityLab.Scenarios.OrderDriven;

/// <summary>Turns an order-driven scenario into the kernel's setup and agents (currency → ticks, seconds → ns).</summary>
public static class OrderDrivenBuilder
{
    private const double Ns = 1e9;

    public static long ToNs(double seconds) => (long)Math.Round(seconds * Ns);

    public static MarketSetup Setup(OrderDrivenScenario s)
    {
        var tick = (double)s.Venue.TickSize;
        var open = ToNs(s.Session.OpenS);
        var close = ToNs(s.Session.CloseS);
        var lead = s.Agents.OfType<InformedConfig>().Select(i => i.LeadS).DefaultIfEmpty(0).Max();
        var m = s.Market;
        IMidProcess process = m.Regime switch
        {
            MarketRegime.MeanReverting => new OrnsteinUhlenbeck(Math.Max(m.MeanReversion, 1e-12), m.Initial, m.Volatility),
            MarketRegime.Trending => new ArithmeticRandomWalk(m.Drift, m.Volatility),
            _ => m.Process!.ToProcess(),
        };
        var shocks = m.Shocks is { } k ? new ValueShocks(k.RatePerHour / 3600, k.Mean, k.StdDev) : (ValueShocks?)null;
        var value = new LatentValue(process, m.Initial, open, close + ToNs(lead), m.DtS, shocks, RandomStream.Create((ulong)s.Seed, "latent-value"), tick);
        var sample = ToNs(s.Recording.SampleEveryS);
        return new MarketSetup
        {
            StartNs = open,
            EndNs = close,
            TickSize = s.Venue.TickSize,
            MinPrice = (long)(s.Venue.MinPrice / s.Venue.TickSize),
            MaxPrice = (long)(s.Venue.MaxPrice / s.Venue.TickSize),
            Fees = new FeeSchedule(s.Venue.MakerFee, s.Venue.TakerFee),
            SampleEveryNs = sample,
            HeatmapBinNs = Math.Max(sample, ToNs(s.Recording.HeatmapBinS)),
            DepthLevels = s.Recording.DepthLevels,
            HeatmapLevels = s.Recording.HeatmapLevels,
            MarkoutHorizonsSeconds = s.Recording.MarkoutHorizonsS,
            ImpactHorizonSeconds = s.Recording.ImpactHorizonS,
            Value = value,
            Seed = (ulong)s.Seed,
        };
    }

    /// <summary>Every agent of the scenario, in file order (a group of N in index order).</summary>
    public static List<Agent> Agents(OrderDrivenScenario s)
    {
        var tick = (double)s.Venue.TickSize;
        var open = ToNs(s.Session.OpenS);
        var close = ToNs(s.Session.CloseS);
        var makers = s.Makers.Select(m => m.Name).ToList();
        var agents = new List<Agent>(s.Agents.Sum(a => a.Count));
        foreach (var config in s.Agents)
        {
            var latencyConfig = config.Latency ?? s.Latency;
            var shared = latencyConfig.ToModel();
            var draws = RandomStream.Create((ulong)s.Seed, "latency-draw:" + config.Name);
            var latency = latencyConfig.ToModel(draws, shared);
            switch (config)
            {
                case TraderConfig t:
                    var arrivals = new Arrivals(1 / t.MeanIntervalS, t.Once, t.FromS is { } f ? ToNs(f) : open, t.UntilS is { } u ? Math.Min(ToNs(u), close) : close);
                    var sizes = t.Size!.ToDistribution();
                    for (var i = 0; i < t.Agents; i++)
                    {
                        var name = t.Agents == 1 ? t.Name : $"{t.Name}-{i}";
                        if (i > 0) latency = latencyConfig.ToModel(draws, shared);
                        agents.Add(t switch
                        {
                            NoiseConfig n => new NoiseTrader(name, arrivals, n.MarketFraction, sizes, n.BehindTicks, n.ImproveTicks, ToNs(n.MaxAgeS)) { Latency = latency },
                            ValueConfig v => new ValueTrader(name, arrivals, sizes, v.ObservationSd / tick, ValueVariancePerSecond(s) / (tick * tick),
                                s.Market.Initial / tick, v.Kappa, v.Aggression, v.DepthTicks) { Latency = latency },
                            MomentumConfig mo => new MomentumTrader(name, arrivals, sizes, mo.ShortWindow, mo.LongWindow) { Latency = latency },
                            InformedConfig inf => new InformedTrader(name, arrivals, sizes, inf.LeadS, inf.ThresholdTicks) { Latency = latency },
                            _ => throw new NotSupportedException($"trader kind {t.GetType().Name} has no agent"),
                        });
                    }
                    break;
                case LiquidityShockConfig k:
                    agents.Add(new LiquidityShock(k.Name, ToNs(k.IntervalS), k.OrdersMin, k.OrdersMax, k.Size!.ToDistribution(), ToNs(k.SpacingS),
                        k.AgainstMaker.Length > 0 ? makers.IndexOf(k.AgainstMaker) : -1, k.Threshold) { Latency = latency });
                    break;
                case MakerAgentConfig mk:
                    agents.Add(Maker(mk, latency));
                    break;
            }
        }
        return agents;
    }

    private static MarketMaker Maker(MakerAgentConfig m, LiquidityLab.OrderDriven.Network.LatencyModel latency)
    {
        var every = ToNs(m.RequoteEveryS);
        var min = ToNs(m.MinRequoteS);
        return m switch
        {
            FlowSkewMakerConfig f => new FlowSkewMaker(f.Name, f.InventoryLimit, f.OrderSize, f.SpreadTicks, f.SkewTicksPerOrder, ToNs(f.WindowS), every, min) { Latency = latency },
            InventorySkewMakerConfig i => new InventorySkewMaker(i.Name, i.InventoryLimit, i.OrderSize, i.SpreadTicks, i.SkewTicksPerLot, every, min) { Latency = latency },
            AvellanedaStoikovMakerConfig a => new AvellanedaStoikovMaker(a.Name, a.InventoryLimit, a.OrderSize, a.Gamma, a.HorizonS, a.HalfLifeS,
                a.InitialSigmaTicks, a.InitialK, every, min) { Latency = latency },
            AdaptivePovMakerConfig p => new AdaptivePovMaker(p.Name, p.InventoryLimit, p.Pov, p.OrderSize, p.Levels, p.LevelSpacingTicks, p.MeanWakeS,
                p.SpreadAlpha, p.SkewBeta, p.PriceSkew) { Latency = latency },
            _ => throw new NotSupportedException($"maker kind {m.GetType().Name} has no agent"),
        };
    }

    /// <summary>The latent value's variance rate (currency² per second) the value traders' filter assumes: the process's σ².</summary>
    private static double ValueVariancePerSecond(OrderDrivenScenario s)
    {
        var m = s.Market;
        if (m.Regime != MarketRegime.Custom) return m.Volatility * m.Volatility;
        var v = m.Process!.ToProcess().Volatility(m.Initial);
        return v * v;
    }
}
