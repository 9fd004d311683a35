using System.Runtime.CompilerServices;
using LiquidityLab.Core.Domain;
using LiquidityLab.Core.Randomness;
using LiquidityLab.OrderBook.Orders;
using LiquidityLab.OrderDriven.Accounting;
using LiquidityLab.OrderDriven.Agents;
using LiquidityLab.OrderDriven.Market;
using LiquidityLab.OrderDriven.Network;

namespace LiquidityLab.OrderDriven.Kernel;

/// <summary>
/// The discrete-event kernel of the order-driven market. Events are ordered by (time in ns, sequence
/// number given when scheduled), so equal times run in scheduling order and a run depends only on its
/// configuration and seed. Payloads are flat structs in a pooled array and the queue holds only
/// (time, sequence, slot): scheduling allocates nothing once the pools have grown to the run's peak.
/// Agents are addressed by id; the kernel calls them, they call back only through its methods below.
/// Order ids are handed out by the kernel, in decision order.
/// </summary>
public sealed class MarketKernel
{
    private readonly EventQueue _queue = new(4096);
    private Message[] _pool = new Message[4096];
    private int[] _free = new int[4096];
    private int _freeCount;
    private int _poolUsed;
    private long _seq;
    private long _nextOrderId = 1;
    private readonly Agent[] _agents;
    private readonly AgentLink[] _links;
    private readonly int[] _subscribers;
    private readonly MarketRecorder _recorder;

    // L2 for the subscribers that want it: one block of 2 × _depthLevels levels per update in flight, pooled
    private readonly int _depthLevels;
    private readonly OrderBook.Views.LevelView[] _depthBids = [];
    private readonly OrderBook.Views.LevelView[] _depthAsks = [];
    private OrderBook.Views.LevelView[] _slab = [];
    private int[] _freeBlocks = [];
    private int _freeBlockCount;
    private int _blocksUsed;
    private int _updateBlock = -1, _updateBids, _updateAsks;

    public MarketKernel(MarketSetup setup, IReadOnlyList<Agent> agents, IMarketObserver? observer = null)
    {
        Setup = setup;
        _agents = agents.ToArray();
        _links = new AgentLink[_agents.Length];
        var makers = new List<MarketMaker>();
        var makerOf = new int[_agents.Length];
        for (var i = 0; i < _agents.Length; i++)
        {
            var a = _agents[i];
            if (a.Id != -1) throw new ArgumentException($"agent {a.Name} is already in a kernel", nameof(agents));
            a.Id = i;
            a.Rng = RandomStream.Create(setup.Seed, "agent:" + a.Name);
            _links[i] = new AgentLink(a.Latency, RandomStream.Create(setup.Seed, "latency:" + a.Name));
            makerOf[i] = -1;
            if (a is MarketMaker m)
            {
                makerOf[i] = makers.Count;
                makers.Add(m);
            }
        }
        Makers = makers;
        MakerAccounts = makers.Select(m => new MakerAccount(m.Name, m.Id, m.InventoryLimit, setup.TickSize)).ToArray();
        _subscribers = _agents.Where(a => a.SubscribesToMarketData).Select(a => a.Id).ToArray();
        _depthLevels = _subscribers.Select(s => _agents[s].MarketDepthLevels).DefaultIfEmpty(0).Max();
        if (_depthLevels > 0)
        {
            _depthBids = new OrderBook.Views.LevelView[_depthLevels];
            _depthAsks = new OrderBook.Views.LevelView[_depthLevels];
            _slab = new OrderBook.Views.LevelView[64 * 2 * _depthLevels];
            _freeBlocks = new int[64];
        }
        Ledger = new Ledger(_agents.Length, setup.TickSize, setup.Fees);
        _recorder = new MarketRecorder(this, setup, observer ?? NullObserver.Instance);
        Exchange = new Exchange.Exchange(this, setup, Ledger, makerOf, _recorder);
        Now = setup.StartNs;
    }

    public MarketSetup Setup { get; }
    public long Now { get; private set; }
    public IReadOnlyList<Agent> Agents => _agents;
    public IReadOnlyList<MarketMaker> Makers { get; }
    public MakerAccount[] MakerAccounts { get; }
    public MakerStatistics[] MakerStatistics => _recorder.Statistics;
    public Ledger Ledger { get; }
    public KernelCounters Counters { get; } = new();
    internal Exchange.Exchange Exchange { get; }

    /// <summary>The exchange's L1 now: what an agent that polls (instead of subscribing) reads when it wakes.</summary>
    public MarketUpdate Top => Exchange.Top;

    /// <summary>The book's mid in ticks (the last two-sided one while a side is empty; NaN before any).</summary>
    public double Mid => Exchange.Mid;

    public LatentValue? Value => Setup.Value;

    /// <summary>The matching engine, read-only use (views, depth) for tests and analysis.</summary>
    public OrderBook.Matching.LimitOrderBook<Exchange.ExchangeSink> Book => Exchange.Book;

    // ---- what agents call -------------------------------------------------------------------

    /// <summary>Sends a new order; it reaches the exchange after the agent's order-entry latency. Returns its id.</summary>
    public long Submit(Agent agent, Side side, OrderType type, long price, long quantity)
    {
        var id = _nextOrderId++;
        ref var m = ref Rent(out var slot);
        m.Kind = MessageKind.OrderArrival;
        m.Agent = agent.Id;
        m.Order = new OrderRequest(id, agent.Id, side, type, type == OrderType.Market ? 0 : price, quantity);
        agent.Orders.Sent(id, side, price, quantity, Now);
        Counters.Messages++;
        Schedule(_links[agent.Id].ToExchange(Now), slot);
        return id;
    }

    public long SubmitLimit(Agent agent, Side side, long price, long quantity) => Submit(agent, side, OrderType.Limit, price, quantity);

    public long SubmitMarket(Agent agent, Side side, long quantity) => Submit(agent, side, OrderType.Market, 0, quantity);

    /// <summary>Asks the exchange to cancel an order; the cancel follows the agent's earlier messages.</summary>
    public void Cancel(Agent agent, long orderId)
    {
        ref var m = ref Rent(out var slot);
        m.Kind = MessageKind.CancelArrival;
        m.Agent = agent.Id;
        m.CancelId = orderId;
        agent.Orders.CancelSent(orderId);
        Counters.Messages++;
        Schedule(_links[agent.Id].ToExchange(Now), slot);
    }

    /// <summary>Wakes the agent at <paramref name="time"/> (ns; not before now) with a tag of its choosing.</summary>
    public void WakeAt(Agent agent, long time, int tag = 0)
    {
        ref var m = ref Rent(out var slot);
        m.Kind = MessageKind.Wake;
        m.Agent = agent.Id;
        m.Tag = tag;
        Schedule(Math.Max(time, Now), slot);
    }

    // ---- what the exchange calls --------------------------------------------------------------

    internal void SendReport(int agent, in OrderReport report)
    {
        ref var m = ref Rent(out var slot);
        m.Kind = MessageKind.Report;
        m.Agent = agent;
        m.Report = report;
        Counters.Messages++;
        Schedule(_links[agent].ToAgent(Now), slot);
    }

    internal void Publish(in MarketUpdate update)
    {
        var nb = 0;
        var na = 0;
        if (_depthLevels > 0)
        {
            nb = Exchange.Book.GetDepth(Side.Buy, _depthBids);
            na = Exchange.Book.GetDepth(Side.Sell, _depthAsks);
        }
        foreach (var s in _subscribers)
        {
            ref var m = ref Rent(out var slot);
            m.Kind = MessageKind.MarketData;
            m.Agent = s;
            m.Update = update;
            m.Block = -1;
            if (_agents[s].MarketDepthLevels is var levels and > 0)
            {
                // copy the depth as it is now into a pooled block: the subscriber sees it after its latency
                var block = RentBlock();
                m = ref _pool[slot]; // RentBlock never touches the message pool, but keep the reference honest
                var bids = Math.Min(levels, nb);
                var asks = Math.Min(levels, na);
                _depthBids.AsSpan(0, bids).CopyTo(_slab.AsSpan(block * 2 * _depthLevels, bids));
                _depthAsks.AsSpan(0, asks).CopyTo(_slab.AsSpan(block * 2 * _depthLevels + _depthLevels, asks));
                m.Block = block;
                m.Tag = bids | (asks << 16);
            }
            Counters.Messages++;
            Counters.MarketDataUpdates++;
            Schedule(_links[s].ToAgent(Now), slot);
        }
    }

    // ---- the loop ------------------------------------------------------------------------------

    /// <summary>Starts every agent, then processes events until the session ends or none are left.</summary>
    /// <remarks>Compiled fully optimised at once: a run is one call, too short for tiered compilation to catch up.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Run(CancellationToken cancel = default)
    {
        foreach (var a in _agents) a.OnStart(this);
        if (Setup.SampleEveryNs > 0) ScheduleSample(Setup.StartNs);
        while (_queue.Count > 0 && _queue.PeekTime <= Setup.EndNs)
        {
            _queue.TryPop(out var time, out var slot);
            var msg = _pool[slot];
            _free[_freeCount++] = slot;
            if ((++Counters.Events & 0xFFFF) == 0) cancel.ThrowIfCancellationRequested();
            _recorder.AdvanceTo(time, Exchange.Mid);
            Now = time;
            switch (msg.Kind)
            {
                case MessageKind.Wake:
                    Counters.Wakes++;
                    _agents[msg.Agent].OnWake(this, msg.Tag);
                    break;
                case MessageKind.OrderArrival:
                    Exchange.Submit(msg.Order);
                    break;
                case MessageKind.CancelArrival:
                    Exchange.Cancel(msg.Agent, msg.CancelId);
                    break;
                case MessageKind.Report:
                    _agents[msg.Agent].DeliverReport(this, msg.Report);
                    break;
                case MessageKind.MarketData:
                    if (msg.Block >= 0)
                    {
                        _updateBlock = msg.Block;
                        _updateBids = msg.Tag & 0xFFFF;
                        _updateAsks = msg.Tag >> 16;
                    }
                    _agents[msg.Agent].OnMarketData(this, msg.Update);
                    if (msg.Block >= 0)
                    {
                        _freeBlocks[_freeBlockCount++] = msg.Block;
                        _updateBlock = -1;
                    }
                    break;
                case MessageKind.Sample:
                    _recorder.Sample(time);
                    var next = time + Setup.SampleEveryNs;
                    if (next <= Setup.EndNs) ScheduleSample(next);
                    break;
            }
        }
        Now = Math.Max(Now, Setup.EndNs);
        _recorder.AdvanceTo(Now, Exchange.Mid);
        _recorder.Finish(Now);
        Counters.PeakPendingEvents = _queue.HighWater;
    }

    /// <summary>During <see cref="Agent.OnMarketData"/> of an L2 subscriber: the bid levels of that update, best first.</summary>
    public ReadOnlySpan<OrderBook.Views.LevelView> UpdateBids =>
        _updateBlock < 0 ? default : _slab.AsSpan(_updateBlock * 2 * _depthLevels, _updateBids);

    /// <summary>During <see cref="Agent.OnMarketData"/> of an L2 subscriber: the ask levels of that update, best first.</summary>
    public ReadOnlySpan<OrderBook.Views.LevelView> UpdateAsks =>
        _updateBlock < 0 ? default : _slab.AsSpan(_updateBlock * 2 * _depthLevels + _depthLevels, _updateAsks);

    private int RentBlock()
    {
        if (_freeBlockCount > 0) return _freeBlocks[--_freeBlockCount];
        if ((_blocksUsed + 1) * 2 * _depthLevels > _slab.Length)
        {
            Array.Resize(ref _slab, _slab.Length * 2);
            Array.Resize(ref _freeBlocks, _freeBlocks.Length * 2);
        }
        return _blocksUsed++;
    }

    private void ScheduleSample(long time)
    {
        ref var m = ref Rent(out var slot);
        m.Kind = MessageKind.Sample;
        m.Agent = -1;
        Schedule(time, slot);
    }

    private void Schedule(long time, int slot) => _queue.Push(time, _seq++, slot);

    private ref Message Rent(out int slot)
    {
        if (_freeCount > 0) slot = _free[--_freeCount];
        else
        {
            if (_poolUsed == _pool.Length)
            {
                Array.Resize(ref _pool, _pool.Length * 2);
                Array.Resize(ref _free, _free.Length * 2);
            }
            slot = _poolUsed++;
        }
        _pool[slot] = default;
        return ref _pool[slot];
    }
}
