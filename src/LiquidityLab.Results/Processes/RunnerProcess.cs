using System.Diagnostics;

namespace LiquidityLab.Results.Processes;

/// <summary>
/// Identifies the process that runs a run: machine, process id and the process's start time, so a
/// process id reused by a later process is not mistaken for the original.
/// </summary>
/// <param name="StartedAt">UTC start time of the process, or null where the platform cannot say.</param>
public sealed record RunnerProcess(string Host, int ProcessId, DateTimeOffset? StartedAt);

/// <summary>Answers "is the process that started this run still alive?". Injected so tests can simulate a killed run.</summary>
public interface IProcessTable
{
    /// <summary>The process recording runs now.</summary>
    RunnerProcess Current { get; }

    /// <summary>
    /// True if the process may still be running: it is alive on this machine with the same start time,
    /// or it ran on another machine (which this one cannot see into).
    /// </summary>
    bool MayBeAlive(RunnerProcess process);
}

/// <summary>The operating system's process table on this machine.</summary>
public sealed class LocalProcessTable : IProcessTable
{
    // Start times read twice for one process can differ by clock-tick rounding; a reused pid starts much later.
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);

    public static LocalProcessTable Instance { get; } = new();

    private LocalProcessTable()
    {
        using var self = Process.GetCurrentProcess();
        Current = new RunnerProcess(Environment.MachineName, Environment.ProcessId, StartTimeOf(self));
    }

    public RunnerProcess Current { get; }

    public bool MayBeAlive(RunnerProcess process)
    {
        if (!string.Equals(process.Host, Current.Host, StringComparison.OrdinalIgnoreCase)) return true;
        if (process.ProcessId == Current.ProcessId) return SameStart(process.StartedAt, Current.StartedAt);
        try
        {
            using var p = Process.GetProcessById(process.ProcessId);
            if (p.HasExited) return false;
            return SameStart(process.StartedAt, StartTimeOf(p));
        }
        catch (ArgumentException)
        {
            return false; // no such process
        }
        catch (InvalidOperationException)
        {
            return false; // exited while we looked
        }
    }

    private static bool SameStart(DateTimeOffset? recorded, DateTimeOffset? actual) =>
        recorded is not { } r || actual is not { } a || (r - a).Duration() <= StartTimeTolerance;

    private static DateTimeOffset? StartTimeOf(Process p)
    {
        try
        {
            return new DateTimeOffset(p.StartTime.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
