using System.Text;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Tests.Reference;

namespace LiquidityLab.OrderBook.Tests.Matching;

/// <summary>
/// The engine against the naive <see cref="ReferenceBook"/>: the same random requests through both
/// must give identical event sequences and identical books (every order, in queue order) after every step.
/// </summary>
public class DifferentialTests
{
    /// <summary>Requests per seed: 100,000 by default (800,000 in all); set LIQLAB_DIFFERENTIAL_STEPS for a longer run.</summary>
    private static readonly int StepsPerSeed =
        int.TryParse(Environment.GetEnvironmentVariable("LIQLAB_DIFFERENTIAL_STEPS"), out var steps) && steps > 0 ? steps : 100_000;

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    [InlineData(4UL)]
    [InlineData(5UL)]
    [InlineData(6UL)]
    [InlineData(7UL)]
    [InlineData(8UL)]
    public void RandomRequests_EngineAndReferenceBook_EmitSameEventsAndHoldSameBook(ulong seed)
    {
        var failure = Run(seed, StepsPerSeed);
        Assert.True(failure is null, failure);
    }

    [Fact]
    public void RandomRequests_ExerciseEveryEventKindRejectionAndCancelReason()
    {
        var seen = new HashSet<string>();
        for (var seed = 1UL; seed <= 8; seed++) Assert.Null(Run(seed, 5_000, seen));
        var expected = Enum.GetNames<BookEventKind>().Concat(Enum.GetNames<RejectReason>()).Concat(Enum.GetNames<CancelReason>()).Append("Repriced").Append("Deep");
        Assert.Empty(expected.Except(seen));
    }

    /// <summary>Runs <paramref name="steps"/> random requests; returns null, or a description of the first divergence.</summary>
    internal static string? Run(ulong seed, int steps, HashSet<string>? seen = null)
    {
        var options = RandomOps.OptionsFor(seed);
        var sink = new CollectingSink();
        var engine = new LimitOrderBook<CollectingSink>(options, sink);
        var reference = new ReferenceBook(options);
        var ops = new RandomOps(seed, options);
        var history = new List<BookOp>();
        var live = new List<long>();
        for (var step = 0; step < steps; step++)
        {
            var op = ops.Next(live);
            history.Add(op);
            sink.Events.Clear();
            reference.Events.Clear();
            op.ApplyTo(engine);
            op.ApplyTo(reference);

            string? problem = null;
            if (!sink.Events.SequenceEqual(reference.Events))
                problem = "events differ\n engine:\n  " + string.Join("\n  ", sink.Events) + "\n reference:\n  " + string.Join("\n  ", reference.Events);
            if (seen is not null)
            {
                foreach (var e in sink.Events)
                {
                    seen.Add(e.Kind.ToString());
                    if (e.Kind == BookEventKind.Rejected) seen.Add(((RejectReason)e.Detail).ToString());
                    if (e.Kind == BookEventKind.Cancelled) seen.Add(((CancelReason)e.Detail).ToString());
                    if (e.Kind == BookEventKind.Accepted && e.Detail == 1) seen.Add("Repriced");
                }
                if (engine.OrderCount >= 30) seen.Add("Deep");
            }
            live.Clear();
            foreach (var side in new[] { Side.Buy, Side.Sell })
            {
                var a = engine.Orders(side);
                var b = reference.Orders(side);
                if (problem is null && !a.SequenceEqual(b))
                    problem = $"{side} side differs\n engine:    {string.Join(", ", a)}\n reference: {string.Join(", ", b)}";
                foreach (var o in a) live.Add(o.OrderId);
            }
            if (problem is null && engine.OrderCount != reference.OrderCount) problem = $"order count {engine.OrderCount} vs {reference.OrderCount}";
            if (problem is not null)
            {
                var text = new StringBuilder();
                text.AppendLine($"seed {seed}: divergence at step {step} (failing prefix: {step + 1} requests), options {options}");
                text.AppendLine($"request: {op}");
                text.AppendLine(problem);
                text.AppendLine("last requests:");
                foreach (var h in history.Skip(Math.Max(0, history.Count - 15))) text.AppendLine($"  {h}");
                return text.ToString();
            }
        }
        return null;
    }
}
