using LiquidityLab.Scenarios.Running;

namespace LiquidityLab.Scenarios.Sweeps;

/// <summary>
/// Told of every case's lifecycle so that it can be recorded (the CLI records cases in the results
/// store; the sweep engine knows no store). Called from the worker thread that runs the case, so an
/// implementation must be thread-safe. A case is started before its simulation runs and then ends
/// exactly once: done, failed or cancelled; a case killed with its process simply never ends.
/// </summary>
public interface ISweepRecorder
{
    /// <summary>Before the case runs. Returns the handle its end is reported to.</summary>
    ISweepCaseRecord Started(SweepCase sweepCase);

    /// <summary>A case finished by an earlier run and reused as it is (its folder holds the same resolved scenario).</summary>
    void Reused(SweepCase sweepCase, string folder, IReadOnlyList<RunMetric> metrics);
}

/// <summary>One running case; exactly one of the methods is called, once.</summary>
public interface ISweepCaseRecord
{
    void Done(RunOutcome outcome);

    /// <param name="cancelled">True when the sweep was interrupted, false when the case failed.</param>
    void Ended(bool cancelled, string message);
}
