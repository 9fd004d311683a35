using LiquidityLab.Strategies.Signals;

namespace LiquidityLab.Strategies.Alpha;

/// <summary>One component of a blend with its weight and how its confidence is judged.</summary>
public sealed record BlendMember(IAlphaComponent Component, double Weight, SignalConfidence Confidence);

/// <summary>
/// Combines signals into one strength in [−1, 1]. Each raw score is first put on a common scale,
/// tanh(score / rms), where rms is the root mean square of the component's own last
/// <c>normalisation window</c> scores (so a MACD in price units and an RSI in [−1, 1] weigh alike);
/// then strength = Σ wᵢ·cᵢ·zᵢ / Σ |wᵢ| over the ready components, cᵢ the confidence in [0, 1].
/// A component that is not ready contributes 0. Uses only data up to the current bar.
/// </summary>
public sealed class SignalBlend
{
    private readonly BlendMember[] _members;
    private readonly RollingWindow[] _squares;
    private readonly double[] _scaled;

    public SignalBlend(IReadOnlyList<BlendMember> members, int normalisationWindow = 100)
    {
        if (members.Count == 0) throw new ArgumentException("at least one signal is required", nameof(members));
        if (normalisationWindow < 2) throw new ArgumentOutOfRangeException(nameof(normalisationWindow), normalisationWindow, "must be >= 2");
        _members = members.ToArray();
        _squares = _members.Select(_ => new RollingWindow(normalisationWindow)).ToArray();
        _scaled = new double[_members.Length];
    }

    public IReadOnlyList<BlendMember> Members => _members;

    /// <summary>The blended strength in [−1, 1]; 0 until a component is ready.</summary>
    public double Strength { get; private set; }

    /// <summary>Mean confidence of the ready components, weighted by |w| (0 when none is ready).</summary>
    public double Confidence { get; private set; }

    /// <summary>Component i's score on the common scale (NaN while it warms up).</summary>
    public double Scaled(int i) => _scaled[i];

    public void Update(in AlphaObservation observation)
    {
        double sum = 0, totalWeight = 0, confidence = 0;
        for (var i = 0; i < _members.Length; i++)
        {
            var m = _members[i];
            m.Component.Update(observation);
            var raw = m.Component.IsReady ? m.Component.Value : double.NaN;
            m.Confidence.Update(observation.Mid, raw);
            totalWeight += Math.Abs(m.Weight);
            if (double.IsNaN(raw))
            {
                _scaled[i] = double.NaN;
                continue;
            }
            _squares[i].Add(raw * raw);
            var rms = Math.Sqrt(_squares[i].Mean);
            var z = rms > 0 ? Math.Tanh(raw / rms) : 0;
            _scaled[i] = z;
            var c = m.Confidence.Value;
            sum += m.Weight * c * z;
            confidence += Math.Abs(m.Weight) * c;
        }
        Strength = totalWeight > 0 ? Math.Clamp(sum / totalWeight, -1, 1) : 0;
        Confidence = totalWeight > 0 ? confidence / totalWeight : 0;
    }
}
