namespace LiquidityLab.Scenarios.Running;

/// <summary>
/// The fills a live frame shows: the first few since the previous frame (a sample, not the log), and the
/// count of all. Adding costs a compare, and a copy only for the sampled ones, so a runner can call it per fill.
/// </summary>
internal sealed class LiveFillSample<TFill>(int perFrame = 5)
{
    private readonly TFill[] _first = new TFill[perFrame];
    private long _sinceFrame;

    /// <summary>Fills so far in the whole run.</summary>
    public long Total { get; private set; }

    public void Add(in TFill fill)
    {
        if (_sinceFrame < _first.Length) _first[_sinceFrame] = fill;
        _sinceFrame++;
        Total++;
    }

    /// <summary>The sample since the previous frame, converted for the frame; starts the next one.</summary>
    public LiveFill[] Take(Func<TFill, LiveFill> toLive)
    {
        var fills = new LiveFill[Math.Min(_sinceFrame, _first.Length)];
        for (var i = 0; i < fills.Length; i++) fills[i] = toLive(_first[i]);
        _sinceFrame = 0;
        return fills;
    }
}
