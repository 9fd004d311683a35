using System.CommandLine;
using LiquidityLab.Results;
using LiquidityLab.Scenarios;
using Spectre.Console;

namespace LiquidityLab.Cli;

/// <summary>Exit codes and top-level error handling shared by every command.</summary>
internal static class CliHost
{
    public const int Ok = 0;
    public const int Failure = 1;
    public const int UsageOrInputError = 2;
    public const int Interrupted = 130;

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) Console.Error.WriteLine($"error: {error.Message}");
            Console.Error.WriteLine("run 'liqlab --help' for usage");
            return UsageOrInputError;
        }
        return parse.Invoke();
    }

    /// <summary>
    /// Runs a command body and maps failures to exit codes and one-line messages: bad input is 2,
    /// an I/O or results-store failure 1, an interruption 130. No stack trace unless LIQLAB_DEBUG is set.
    /// </summary>
    public static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) Console.Error.WriteLine($"error: {error.Format(e.ScenarioSource)}");
            return UsageOrInputError;
        }
        catch (LiquidityLab.Scenarios.Alpha.Data.MarketDataException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageOrInputError;
        }
        catch (InputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageOrInputError;
        }
        catch (StoreInputException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return UsageOrInputError;
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("interrupted: no output was left behind");
            return Interrupted;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return Failure;
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("LIQLAB_DEBUG") is null)
        {
            Console.Error.WriteLine($"internal error ({e.GetType().Name}): {e.Message}");
            Console.Error.WriteLine("set LIQLAB_DEBUG=1 for the stack trace, and please report it");
            return Failure;
        }
    }

    /// <summary>A cancellation token tripped by Ctrl+C, so a run can stop cleanly and remove its staging folder.</summary>
    public static CancellationToken CancelOnCtrlC()
    {
        var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        return cts.Token;
    }

    public static IAnsiConsole Out { get; } = AnsiConsole.Console;
}

/// <summary>Bad input outside a scenario file (a replay file, a data file): exit code 2 with this message.</summary>
public sealed class InputException(string message) : Exception(message);
