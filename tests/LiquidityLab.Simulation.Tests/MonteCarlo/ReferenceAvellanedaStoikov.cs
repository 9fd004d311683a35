using LiquidityLab.Core.Randomness;

namespace LiquidityLab.Simulation.Tests.MonteCarlo;

/// <summary>
/// The paper's simulation written as plainly as possible, one path at a time with scalar doubles:
/// the differential reference for the vectorised engine. It draws exactly what the engine draws,
/// from the same streams: per step one 64-bit fill draw split into two 32-bit uniforms (bid high,
/// ask low), then the mid's innovation (top bit of one draw for the coin; Box–Muller pairs for a
/// normal, the sine half kept for the next step).
/// </summary>
internal static class ReferenceAvellanedaStoikov
{
    public sealed record PathResult(double Pnl, double Inventory, double SpreadCapture, double InventoryPnl, double MeanSpread);

    public static PathResult Run(ulong seed, int path, double gamma, double k, double a, double sigma, double s0, double horizon, int steps,
        bool binomial, double? bound = null)
    {
        var mid = new Xoshiro256(StreamSeed.Derive(seed, "mid", path));
        var fills = new Xoshiro256(StreamSeed.Derive(seed, "fills", path));
        var dt = horizon / steps;
        double s = s0, q = 0, cash = 0, spreadCapture = 0, inventoryPnl = 0, spreadSum = 0;
        double? spare = null;
        for (var t = 0; t < steps; t++)
        {
            var tau = horizon - t * dt;
            var reservation = s - q * gamma * sigma * sigma * tau;
            var spread = gamma * sigma * sigma * tau + 2 / gamma * Math.Log(1 + gamma / k);
            var bid = reservation - spread / 2;
            var ask = reservation + spread / 2;
            var bidDistance = s - bid;
            var askDistance = ask - s;

            var x = fills.NextUInt64();
            var uBid = (x >> 32) / 4294967296.0;
            var uAsk = (x & 0xFFFF_FFFF) / 4294967296.0;
            var buy = uBid < a * Math.Exp(-k * bidDistance) * dt && (bound is null || q + 1 <= bound);
            var sell = uAsk < a * Math.Exp(-k * askDistance) * dt && (bound is null || q - 1 >= -bound);
            if (buy) { cash -= bid; q += 1; spreadCapture += bidDistance; }
            if (sell) { cash += ask; q -= 1; spreadCapture += askDistance; }
            spreadSum += bidDistance + askDistance;

            double z;
            if (binomial) z = (mid.NextUInt64() >> 63) == 0 ? 1 : -1;
            else if (spare is { } sp) { z = sp; spare = null; }
            else
            {
                var r = Math.Sqrt(-2 * Math.Log(mid.NextDoubleNonZero()));
                var theta = 2 * Math.PI * mid.NextDouble();
                spare = r * Math.Sin(theta);
                z = r * Math.Cos(theta);
            }
            var next = s + sigma * Math.Sqrt(dt) * z;
            inventoryPnl += q * (next - s);
            s = next;
        }
        return new PathResult(cash + q * s, q, spreadCapture, inventoryPnl, spreadSum / steps);
    }
}
