namespace LiquidityLab.Strategies.Signals;

/// <summary>
/// A learned signal: logistic regression of "the price is higher <c>horizon</c> steps later" on the
/// scores of other signals, trained walk-forward. At step t only observations s with s + horizon ≤ t
/// have labels, so the model never trains on data it then scores. It refits every
/// <c>retrainEvery</c> steps on the last <c>trainWindow</c> labelled observations; the score is
/// 2·P(up) − 1. Ready once the first model is fitted.
/// </summary>
public sealed class WalkForwardLogisticSignal : ISignal
{
    private readonly ISignal[] _features;
    private readonly int _horizon, _trainWindow, _retrainEvery;
    private readonly double _l2;
    private readonly List<double[]> _rows = [];
    private readonly List<double> _prices = [];
    private readonly List<int> _rowStep = [];
    private LogisticRegression? _model;
    private int _step = -1;
    private int _sinceFit;
    private int _labelled; // rows whose label is known: a prefix of _rows, since labels arrive in row order

    public WalkForwardLogisticSignal(IReadOnlyList<ISignal> features, int horizon, int trainWindow, int retrainEvery, double l2 = 1e-3)
    {
        if (features.Count == 0) throw new ArgumentException("at least one feature signal is required", nameof(features));
        if (horizon < 1) throw new ArgumentOutOfRangeException(nameof(horizon), horizon, "must be >= 1");
        if (trainWindow < 10) throw new ArgumentOutOfRangeException(nameof(trainWindow), trainWindow, "must be >= 10");
        if (retrainEvery < 1) throw new ArgumentOutOfRangeException(nameof(retrainEvery), retrainEvery, "must be >= 1");
        _features = features.ToArray();
        _horizon = horizon;
        _trainWindow = trainWindow;
        _retrainEvery = retrainEvery;
        _l2 = l2;
    }

    public string Name => $"logistic({string.Join(",", _features.Select(f => f.Name))};h={_horizon})";
    // features are first ready at observation w (index w − 1); that row's label is known at index
    // w − 1 + h, and the window is full T − 1 rows later: observation w + h + T − 1.
    public int WarmUp => _features.Max(f => f.WarmUp) + _horizon + _trainWindow - 1;
    public bool IsReady => _model != null;
    public double Value { get; private set; } = double.NaN;

    /// <summary>The last fitted model, or null before the first fit.</summary>
    public LogisticRegression? Model => _model;

    /// <summary>Index of the newest observation the current model was trained on (its label included).</summary>
    public int LastTrainedLabelStep { get; private set; } = -1;

    public void Update(double price)
    {
        _step++;
        _prices.Add(price);
        foreach (var f in _features) f.Update(price);
        double[]? row = null;
        if (_features.All(f => f.IsReady))
        {
            row = _features.Select(f => f.Value).ToArray();
            _rows.Add(row);
            _rowStep.Add(_step);
        }

        if (++_sinceFit >= _retrainEvery || _model is null) TryFit();
        if (_model != null && row != null) Value = 2 * _model.Probability(row) - 1;
    }

    private void TryFit()
    {
        // observations whose label (price at s + horizon) is already known
        while (_labelled < _rowStep.Count && _rowStep[_labelled] + _horizon <= _step) _labelled++;
        var labelled = _labelled;
        if (labelled < _trainWindow) return;
        var from = labelled - _trainWindow;
        var x = new List<double[]>(_trainWindow);
        var y = new List<bool>(_trainWindow);
        for (var i = from; i < labelled; i++)
        {
            var s = _rowStep[i];
            x.Add(_rows[i]);
            y.Add(_prices[s + _horizon] > _prices[s]);
        }
        if (y.All(v => v) || y.All(v => !v)) return; // one class only: nothing to learn yet
        _model = LogisticRegression.Fit(x, y, _l2);
        LastTrainedLabelStep = _rowStep[labelled - 1] + _horizon;
        _sinceFit = 0;
    }
}
