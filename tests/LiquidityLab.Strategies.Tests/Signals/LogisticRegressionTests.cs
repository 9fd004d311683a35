using LiquidityLab.Core.Randomness;
using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Tests.Signals;

public class LogisticRegressionTests
{
    private static double Logit(double p) => Math.Log(p / (1 - p));

    [Fact]
    public void BinaryFeature_MatchesTheClosedFormMle()
    {
        // With one 0/1 feature the MLE reproduces each group's frequency:
        // b0 = logit(P(y|x=0)) = logit(0.3), b1 = logit(0.7) − logit(0.3).
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 10; i++) { x.Add([0]); y.Add(i < 3); }
        for (var i = 0; i < 10; i++) { x.Add([1]); y.Add(i < 7); }
        var model = LogisticRegression.Fit(x, y);
        Assert.Equal(Logit(0.3), model.Weights[0], 8);
        Assert.Equal(Logit(0.7) - Logit(0.3), model.Weights[1], 8);
        Assert.Equal(0.7, model.Probability([1]), 8);
    }

    [Fact]
    public void RecoversTheCoefficientsOfSimulatedData()
    {
        var rng = new RandomStream(12);
        var x = new List<double[]>();
        var y = new List<bool>();
        for (var i = 0; i < 40_000; i++)
        {
            double[] row = [rng.Normal(), rng.Normal()];
            var p = 1 / (1 + Math.Exp(-(0.5 + 1.5 * row[0] - 2.0 * row[1])));
            x.Add(row);
            y.Add(rng.NextDouble() < p);
        }
        var w = LogisticRegression.Fit(x, y).Weights;
        Assert.Equal(0.5, w[0], 0.06);
        Assert.Equal(1.5, w[1], 0.08);
        Assert.Equal(-2.0, w[2], 0.08);
    }

    [Fact]
    public void L2Penalty_ShrinksTheSlopes()
    {
        var x = new List<double[]> { new[] { -1.0 }, new[] { -0.5 }, new[] { 0.5 }, new[] { 1.0 }, new[] { 0.2 }, new[] { -0.2 } };
        var y = new List<bool> { false, false, true, true, false, true };
        var free = LogisticRegression.Fit(x, y).Weights[1];
        var shrunk = LogisticRegression.Fit(x, y, l2: 5).Weights[1];
        Assert.True(Math.Abs(shrunk) < Math.Abs(free));
    }

    [Fact]
    public void WalkForward_OnlyEverTrainsOnLabelsKnownAtTheTime()
    {
        var rng = new RandomStream(2);
        var signal = new WalkForwardLogisticSignal([new MomentumSignal(5)], horizon: 5, trainWindow: 50, retrainEvery: 7);
        var price = 100.0;
        for (var t = 0; t < 500; t++)
        {
            price *= Math.Exp(0.01 * rng.Normal());
            signal.Update(price);
            Assert.True(signal.LastTrainedLabelStep <= t, $"at step {t} the model used a label from step {signal.LastTrainedLabelStep}");
        }
        Assert.NotNull(signal.Model);
    }
}
