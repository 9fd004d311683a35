using LiquidityLab.Optimization.Surrogate;

namespace LiquidityLab.Optimization.Tests.Surrogate;

public class GaussianProcessTests
{
    // Two observations at x = 0 and x = 1, ℓ = 1, σf² = 1, no noise. By hand:
    // K = [[1, r], [r, 1]] with r = e^(−1/2); at x = 0.5, k* = (s, s) with s = e^(−1/8).
    // K⁻¹ = [[1, −r], [−r, 1]] / (1 − r²), so mean = s(y₀ + y₁)/(1 + r) and variance = 1 − 2s²/(1 + r).
    private static readonly double R = Math.Exp(-0.5), S = Math.Exp(-0.125);

    [Theory]
    [InlineData(1.0, -1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 0.5)]
    public void Posterior_MatchesTheHandComputedTwoPointCase(double y0, double y1)
    {
        var gp = GaussianProcess.Fit([[0.0], [1.0]], [y0, y1], 1, 1, 0, normalise: false);
        var (mean, sd) = gp.Predict([0.5]);
        Assert.Equal(S * (y0 + y1) / (1 + R), mean, 6);
        Assert.Equal(Math.Sqrt(1 - 2 * S * S / (1 + R)), sd, 5);
    }

    [Fact]
    public void Posterior_AtAnObservation_IsTheObservation_WithNoUncertainty()
    {
        var gp = GaussianProcess.Fit([[0.1, 0.2], [0.7, 0.4], [0.3, 0.9]], [3, -1, 2], 0.3, 1, 0, normalise: true);
        var (mean, sd) = gp.Predict([0.7, 0.4]);
        Assert.Equal(-1, mean, 4);
        Assert.True(sd < 1e-3);
    }

    [Fact]
    public void LogMarginalLikelihood_MatchesTheClosedFormForOnePoint()
    {
        // n = 1: log N(y; 0, σf² + σn²)
        var gp = GaussianProcess.Fit([[0.0]], [1.5], 1, 2, 0.5, normalise: false);
        var v = 2.5 + 1e-10;
        Assert.Equal(-0.5 * 1.5 * 1.5 / v - 0.5 * Math.Log(v) - 0.5 * Math.Log(2 * Math.PI), gp.LogMarginalLikelihood, 9);
    }

    [Fact]
    public void ExpectedImprovement_MatchesItsFormula_AndIsZeroWithoutUncertaintyBelowTheBest()
    {
        // μ − best − ξ = 0 → EI = σ·φ(0)
        Assert.Equal(0.5 / Math.Sqrt(2 * Math.PI), ExpectedImprovement.Of(1.01, 0.5, 1.0), 12);
        Assert.Equal(0.0, ExpectedImprovement.Of(0.5, 0, 1.0));
        Assert.Equal(0.49, ExpectedImprovement.Of(1.5, 0, 1.0), 12);
        Assert.True(ExpectedImprovement.Of(1, 1, 1) > ExpectedImprovement.Of(1, 0.5, 1)); // more uncertainty, more to gain
    }
}
