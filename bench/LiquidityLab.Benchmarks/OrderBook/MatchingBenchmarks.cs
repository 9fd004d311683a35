using BenchmarkDotNet.Attributes;
using LiquidityLab.Core.Domain;
using LiquidityLab.OrderBook.Events;
using LiquidityLab.OrderBook.Matching;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderBook.Replay;

namespace LiquidityLab.Benchmarks.OrderBook;

/// <summary>
/// The matching engine on the synthetic mixed streams of <c>liqlab bench book</c> (50% limit, 40% cancel,
/// 10% market): time per event and bytes allocated per event in steady state (the book is filled untimed).
/// dotnet run -c Release --project bench/LiquidityLab.Benchmarks -- --filter '*MatchingBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10, invocationCount: 1)]
public class MatchingBenchmarks
{
    private const int Events = 1_000_000;

    private SyntheticStream _stream = null!;
    private LimitOrderBook<NullSink> _book = null!;

    [Params("shallow", "deep")]
    public string Profile { get; set; } = "shallow";

    [Params(false, true)]
    public bool Prefetch { get; set; }

    [GlobalSetup]
    public void Generate()
        => _stream = SyntheticStream.Generate(Profile == "deep" ? StreamProfile.Deep : StreamProfile.Shallow, Events, 42);

    [IterationSetup]
    public void FillBook()
    {
        _book = new LimitOrderBook<NullSink>(_stream.Stream.BookOptions(_stream.Profile.TargetResting * 2), default);
        _stream.Stream.ApplyTo(_book, 0, _stream.WarmupCount);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public int MixedStream()
    {
        _stream.Stream.ApplyTo(_book, _stream.WarmupCount, _stream.MeasuredCount, Prefetch);
        return _book.OrderCount;
    }
}

/// <summary>Single operations on a warm book of 10,000 orders: each benchmark leaves the book as it found it.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class OperationBenchmarks
{
    private LimitOrderBook<NullSink> _book = null!;
    private long _id = 1_000_000;

    [GlobalSetup]
    public void Setup()
    {
        _book = new LimitOrderBook<NullSink>(new BookOptions(0, 20_000) { InitialOrderCapacity = 1 << 15 }, default);
        for (var i = 0; i < 10_000; i++)
        {
            var side = (i & 1) == 0 ? Side.Buy : Side.Sell;
            _book.Submit(OrderRequest.Limit(i + 1, side, side == Side.Buy ? 9_999 - i % 50 : 10_001 + i % 50, 10));
        }
    }

    /// <summary>A passive limit order joins a 100-deep queue and is cancelled again.</summary>
    [Benchmark]
    public void AddThenCancel()
    {
        var id = ++_id;
        _book.Submit(OrderRequest.Limit(id, Side.Buy, 9_990, 5));
        _book.Cancel(id);
    }

    /// <summary>A limit order partly fills the best ask and its quantity is put back by a new resting order.</summary>
    [Benchmark]
    public void CrossThenReplenish()
    {
        var id = ++_id;
        _book.Submit(OrderRequest.Limit(id, Side.Buy, 10_001, 10)); // takes the whole head order at 10,001
        _book.Submit(OrderRequest.Limit(++_id, Side.Sell, 10_001, 10));
    }

    /// <summary>Reduce in place (keeps priority) then restore by modify (loses priority).</summary>
    [Benchmark]
    public void ModifyDownAndUp()
    {
        _book.Modify(5_000, _book.TryGetOrder(5_000, out var o) ? o.Price : 0, 5);
        _book.Modify(5_000, o.Price, 10);
    }
}
