using LiquidityLab.Web;
using LiquidityLab.Web.Live;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// The dashboard of <c>liqlab run --live</c>: served in-process on 127.0.0.1 for the length of the run,
/// with the run's feed. After the run it keeps serving until Ctrl+C when a person is at the terminal
/// (input and output not redirected, not under CI), so the page can be read and the finished run
/// opened; otherwise it stops at once.
/// </summary>
internal sealed class LiveDashboard : IDisposable
{
    /// <summary>Frames per second the runners may publish: enough for a smooth chart, too few to slow the run.</summary>
    public const double FramesPerSecond = 15;

    private readonly ServeCommand.Running _server;

    private LiveDashboard(ServeCommand.Running server, HubLiveFeed feed)
    {
        _server = server;
        Feed = feed;
    }

    public HubLiveFeed Feed { get; }

    public static LiveDashboard Start(string? storePath, int port)
    {
        var hub = new LiveHub();
        var server = ServeCommand.Start(new DashboardOptions(storePath, "127.0.0.1", port, hub));
        Console.WriteLine($"live dashboard: {server.Server.Url}#/live");
        return new LiveDashboard(server, new HubLiveFeed(hub, FramesPerSecond));
    }

    public void AfterRun(long? runId, CancellationToken cancel)
    {
        Console.WriteLine($"live: {Feed.Frames} frames published");
        if (Console.IsInputRedirected || Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") != null) return;
        var page = runId is { } id ? $"{_server.Server.Url}#/run/{id}" : _server.Server.Url;
        Console.WriteLine($"the run is over; its report: {page}. Ctrl+C stops the dashboard");
        _server.Server.WaitAsync(cancel).GetAwaiter().GetResult();
    }

    public void Dispose() => _server.Dispose();
}
