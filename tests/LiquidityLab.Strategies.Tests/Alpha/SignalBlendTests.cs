using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Alpha;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Tests.Alpha;

public class SignalBlendTests
{
    /// <summary>A signal that reads back a fixed script: lets the blend arithmetic be checked by hand.</summary>
    private sealed class Scripted(params double[] values) : ISignal
    {
        private int _n;
        public string Name => "scripted";
        public int WarmUp => 1;
        public bool IsReady => _n > 0;
        public double Value => _n > 0 ? values[Math.Min(_n, values.Length) - 1] : double.NaN;
        public void Update(double price) => _n++;
    }

    private static BlendMember Member(ISignal s, double w, ConfidenceMode mode = ConfidenceMode.None) =>
        new(new PriceSignalComponent(s), w, new SignalConfidence(mode, 50));

    [Fact]
    public void Strength_IsTheWeightedMeanOfTanhOfScoreOverItsRms()
    {
        var blend = new SignalBlend([Member(new Scripted(2, -1), 3), Member(new Scripted(0.5, 0.5), -1)], normalisationWindow: 10);
        blend.Update(new AlphaObservation(100, null));
        // first bar: each score over its own rms is ±1 → tanh(1)
        Assert.Equal((3 * Math.Tanh(1) - 1 * Math.Tanh(1)) / 4, blend.Strength, 12);
        blend.Update(new AlphaObservation(100, null));
        // second bar: a: −1 / √((4 + 1)/2); b: 0.5 / 0.5
        var za = Math.Tanh(-1 / Math.Sqrt(2.5));
        Assert.Equal((3 * za - Math.Tanh(1)) / 4, blend.Strength, 12);
        Assert.Equal(za, blend.Scaled(0), 12);
    }

    [Fact]
    public void AComponentWarmingUp_ContributesNothing()
    {
        var blend = new SignalBlend([Member(new Scripted(1), 1), Member(new MomentumSignal(50), 1)]);
        blend.Update(new AlphaObservation(100, null));
        Assert.Equal(Math.Tanh(1) / 2, blend.Strength, 12);
        Assert.True(double.IsNaN(blend.Scaled(1)));
    }

    [Fact]
    public void HitRateConfidence_IsZeroForACoinFlip_AndOneForAPerfectForecaster()
    {
        var rng = new RandomStream(4);
        var prices = new double[400];
        prices[0] = 100;
        for (var i = 1; i < prices.Length; i++) prices[i] = prices[i - 1] * Math.Exp(0.01 * rng.Normal());

        var perfect = new SignalConfidence(ConfidenceMode.HitRate, 100);
        var backwards = new SignalConfidence(ConfidenceMode.HitRate, 100);
        for (var t = 0; t < prices.Length; t++)
        {
            var next = t + 1 < prices.Length ? Math.Sign(prices[t + 1] - prices[t]) : 0;
            perfect.Update(prices[t], next);     // knows the next move (a test device, not a signal)
            backwards.Update(prices[t], -next);
        }
        Assert.Equal(1.0, perfect.HitRate, 12);
        Assert.Equal(1.0, perfect.Value, 12);
        Assert.Equal(0.0, backwards.Value, 12);
        Assert.True(perfect.Ic > 0.7);
    }

    [Fact]
    public void Confidence_UsesThePriorUntilEnoughOutcomesAreKnown_AndJudgesOnlyPastScores()
    {
        var c = new SignalConfidence(ConfidenceMode.HitRate, window: 30, horizon: 3, minimum: 5, prior: 0.25);
        for (var t = 0; t < 7; t++) c.Update(100 + t, 1);
        Assert.Equal(4, c.Judged); // scores of bars 0..3 met their outcome at bars 3..6
        Assert.Equal(0.25, c.Value);
        c.Update(107, 1);
        Assert.Equal(5, c.Judged);
        Assert.Equal(1.0, c.Value);
    }
}
