using LiquidityLab.Strategies.Alpha;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Scenarios.Schema.Alpha;

/// <summary>One signal of the blend; <c>kind:</c> momentum, mean_reversion, rsi, macd, breakout, ofi or logistic.</summary>
public abstract class SignalConfig
{
    [Range(double.NegativeInfinity, double.PositiveInfinity), Doc("weight in the blend (negative reads the signal backwards)")]
    public double Weight { get; set; } = 1;

    [Range(0, 100_000), Doc("EMA span applied to the score; 0 = none")]
    public int Smoothing { get; set; }

    /// <summary>A fresh price signal (state starts empty).</summary>
    public abstract ISignal BuildSignal();

    public virtual IAlphaComponent Build() =>
        new PriceSignalComponent(Smoothing > 0 ? new SmoothedSignal(BuildSignal(), Smoothing) : BuildSignal());
}

[Kind("momentum"), Doc("n-bar log return over the scaled one-bar volatility")]
public sealed class MomentumConfig : SignalConfig
{
    [Range(2, 100_000)] public int Periods { get; set; } = 20;
    public override ISignal BuildSignal() => new MomentumSignal(Periods);
}

[Kind("mean_reversion"), Doc("minus the z-score of the price against its n-bar mean")]
public sealed class MeanReversionConfig : SignalConfig
{
    [Range(2, 100_000)] public int Periods { get; set; } = 30;
    public override ISignal BuildSignal() => new MeanReversionSignal(Periods);
}

[Kind("rsi"), Doc("Wilder's RSI read contrarian: (50 − RSI) / 50")]
public sealed class RsiConfig : SignalConfig
{
    [Range(2, 100_000)] public int Periods { get; set; } = 14;
    public override ISignal BuildSignal() => new RsiSignal(Periods);
}

[Kind("macd"), Doc("MACD histogram over the price")]
public sealed class MacdConfig : SignalConfig, IValidatable
{
    [Range(1, 100_000)] public int Fast { get; set; } = 12;
    [Range(2, 100_000)] public int Slow { get; set; } = 26;
    [Range(1, 100_000)] public int Signal { get; set; } = 9;
    public override ISignal BuildSignal() => new MacdSignal(Fast, Slow, Signal);

    public void Validate(ValidationContext context)
    {
        if (Slow <= Fast) context.Error("slow", Slow, $"not allowed: must be > fast ({Fast})");
    }
}

[Kind("breakout"), Doc("+1 above the previous n-bar high, −1 below the low, 0 inside")]
public sealed class BreakoutConfig : SignalConfig
{
    [Range(1, 100_000)] public int Periods { get; set; } = 30;
    public override ISignal BuildSignal() => new VolatilityBreakoutSignal(Periods);
}

[Kind("ofi"), Doc("order-flow imbalance of the top of book (Cont, Kukanov, Stoikov); needs data with a book (lobster, or csv with bid/ask sizes)")]
public sealed class OrderFlowConfig : SignalConfig
{
    [Range(1, 100_000), Doc("book updates (bars) summed")] public int Updates { get; set; } = 20;

    public override ISignal BuildSignal() => throw new NotSupportedException("order-flow imbalance reads the book, not a price");

    public override IAlphaComponent Build() => new OrderFlowComponent(new OrderFlowImbalanceSignal(Updates));
}

[Kind("logistic"), Doc("walk-forward logistic regression of 'up after horizon bars' on other signals' scores")]
public sealed class LogisticConfig : SignalConfig, IValidatable
{
    [RequiredKey, MinItems(1), Doc("the feature signals (price signals only)")]
    public List<SignalConfig> Features { get; set; } = [];

    [Range(1, 10_000)] public int Horizon { get; set; } = 5;
    [Range(10, 1_000_000)] public int TrainWindow { get; set; } = 200;
    [Range(1, 1_000_000)] public int RetrainEvery { get; set; } = 20;
    [Range(0, double.PositiveInfinity)] public double L2 { get; set; } = 1e-3;

    public override ISignal BuildSignal() =>
        new WalkForwardLogisticSignal(Features.Select(f => f.Smoothing > 0 ? new SmoothedSignal(f.BuildSignal(), f.Smoothing) : f.BuildSignal()).ToArray(),
            Horizon, TrainWindow, RetrainEvery, L2);

    public void Validate(ValidationContext context)
    {
        for (var i = 0; i < Features.Count; i++)
            if (Features[i] is OrderFlowConfig or LogisticConfig)
                context.Error($"features[{i}].kind", KindName(Features[i]), "not allowed: features are price signals (momentum, mean_reversion, rsi, macd, breakout)");
    }

    private static string KindName(SignalConfig s) => Yaml.ScenarioNaming.KindOf(s.GetType());
}
