using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Core.Tests.Randomness;

public class CorrelatedNormalsTests
{
    [Fact]
    public void Cholesky_OfATwoByTwo_MatchesTheClosedForm()
    {
        var l = CorrelatedNormals.Cholesky(new[,] { { 1, 0.6 }, { 0.6, 1 } });
        Assert.Equal(1, l[0, 0]);
        Assert.Equal(0, l[0, 1]);
        Assert.Equal(0.6, l[1, 0], 15);
        Assert.Equal(0.8, l[1, 1], 15);
    }

    [Fact]
    public void Draws_HaveTheRequestedCorrelations()
    {
        var c = new[,] { { 1, 0.8, -0.3 }, { 0.8, 1, 0 }, { -0.3, 0, 1 } };
        var normals = new CorrelatedNormals(c);
        var rng = new RandomStream(17);
        const int n = 100_000;
        var sums = new double[3, 3];
        Span<double> z = stackalloc double[3];
        for (var k = 0; k < n; k++)
        {
            normals.Next(rng, z);
            for (var i = 0; i < 3; i++)
            for (var j = 0; j < 3; j++)
                sums[i, j] += z[i] * z[j];
        }
        for (var i = 0; i < 3; i++)
        for (var j = 0; j < 3; j++)
            Assert.Equal(c[i, j], sums[i, j] / n, 0.015);
    }

    [Theory]
    [InlineData(1.2)]
    [InlineData(1.0)]
    public void NotPositiveDefinite_IsRefused(double rho)
    {
        Assert.Throws<ArgumentException>(() => CorrelatedNormals.Cholesky(new[,] { { 1, rho }, { rho, 1 } }));
    }
}
