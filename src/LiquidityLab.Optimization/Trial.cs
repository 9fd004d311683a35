namespace LiquidityLab.Optimization;

/// <summary>The scores of one evaluated point: the in-sample score the search maximises, and the out-of-sample one it never sees.</summary>
/// <param name="InSample">Mean objective over the training parts of the folds (NaN: the point failed to score).</param>
/// <param name="OutOfSample">Mean objective over the test parts; NaN when there is no test part.</param>
public readonly record struct TrialScores(double InSample, double OutOfSample);

/// <summary>One trial: its number, the parameter values and the scores.</summary>
public sealed record Trial(int Index, IReadOnlyList<double> Values, TrialScores Scores);
