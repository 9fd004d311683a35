using System.Text.Json;
using System.Threading.Channels;

namespace LiquidityLab.Web.Live;

/// <summary>
/// Fans out the live feed of a running simulation to every connected browser as server-sent events.
/// <para>
/// Publishers call <see cref="Send"/> with an event type and a payload (serialised to JSON once, on
/// the publisher's thread). The hub keeps the <c>start</c> event, the latest curve of every
/// (chart, series) and the last <see cref="HistoryFrames"/> frames, so a browser that connects late
/// sees the run so far. Each browser has a bounded queue that drops its oldest events when the browser
/// falls behind: a slow or stalled browser never slows the simulation.
/// </para>
/// </summary>
public sealed class LiveHub
{
    public const int HistoryFrames = 3000;
    private const int ClientQueue = 1024;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly Lock _lock = new();
    private readonly List<Channel<LiveEvent>> _clients = [];
    private readonly Queue<LiveEvent> _frames = new();
    private readonly Dictionary<string, LiveEvent> _curves = new(StringComparer.Ordinal);
    private LiveEvent? _start;
    private LiveEvent? _end;
    private long _sequence;

    /// <summary>Events sent so far (all types).</summary>
    public long Sent => Interlocked.Read(ref _sequence);

    /// <summary>Browsers connected now.</summary>
    public int Clients { get { lock (_lock) return _clients.Count; } }

    /// <summary>
    /// Publishes one event. Types the hub remembers for late joiners: <c>start</c> (clears what an earlier
    /// run left), <c>frame</c>, <c>curve</c> (keyed by <paramref name="curveKey"/>) and <c>end</c>.
    /// </summary>
    public void Send(string type, object payload, string? curveKey = null)
    {
        var e = new LiveEvent(type, JsonSerializer.Serialize(payload, payload.GetType(), Json));
        lock (_lock)
        {
            _sequence++;
            switch (type)
            {
                case "start":
                    _start = e;
                    _end = null;
                    _frames.Clear();
                    _curves.Clear();
                    break;
                case "frame":
                    _frames.Enqueue(e);
                    if (_frames.Count > HistoryFrames) _frames.Dequeue();
                    break;
                case "curve" when curveKey != null:
                    _curves[curveKey] = e;
                    break;
                case "end":
                    _end = e;
                    break;
            }
            foreach (var c in _clients) c.Writer.TryWrite(e);
        }
    }

    /// <summary>A new browser: the run so far, then every event as it comes, until <paramref name="cancel"/>.</summary>
    public async IAsyncEnumerable<LiveEvent> Subscribe([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel)
    {
        var channel = Channel.CreateBounded<LiveEvent>(new BoundedChannelOptions(ClientQueue)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        List<LiveEvent> backlog;
        lock (_lock)
        {
            backlog = [];
            if (_start != null) backlog.Add(_start);
            backlog.AddRange(_curves.Values);
            backlog.AddRange(_frames);
            if (_end != null) backlog.Add(_end);
            _clients.Add(channel);
        }
        try
        {
            foreach (var e in backlog) yield return e;
            while (await channel.Reader.WaitToReadAsync(cancel).ConfigureAwait(false))
                while (channel.Reader.TryRead(out var e)) yield return e;
        }
        finally
        {
            lock (_lock) _clients.Remove(channel);
        }
    }
}

/// <summary>One server-sent event: its type and its JSON data (one line).</summary>
public sealed record LiveEvent(string Type, string Data);
