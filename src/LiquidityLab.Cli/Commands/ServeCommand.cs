using System.CommandLine;
using LiquidityLab.Cli.Commands.Runs;
using LiquidityLab.Scenarios.Running;
using LiquidityLab.Web;
using LiquidityLab.Web.Live;

namespace LiquidityLab.Cli.Commands;

/// <summary>
/// <c>liqlab serve [--store PATH] [--port N] [--host ADDR]</c>: the web dashboard over a results store,
/// on 127.0.0.1 unless another address is asked for (then with a warning), until Ctrl+C.
/// </summary>
internal static class ServeCommand
{
    public const int DefaultPort = 8050;

    public static Option<int> PortOption(int defaultPort) => new("--port")
    {
        Description = $"TCP port of the dashboard (default {defaultPort}; 0 picks a free one)",
        DefaultValueFactory = _ => defaultPort,
    };

    public static Command Create()
    {
        var store = RunsCommand.StoreOption();
        var port = PortOption(DefaultPort);
        var host = new Option<string>("--host")
        {
            Description = "address to listen on (default 127.0.0.1; another address exposes every recorded run to the network)",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var cmd = new Command("serve", "Serve the web dashboard over the results store: runs, one run's report, compare, sweeps, order book")
            { store, port, host };
        cmd.SetAction(parse => CliHost.Guard(() =>
        {
            var cancel = CliHost.CancelOnCtrlC();
            using var server = Start(new DashboardOptions(parse.GetValue(store) ?? RunsCommand.DefaultStore, parse.GetValue(host)!, parse.GetValue(port)));
            Console.WriteLine($"dashboard: {server.Server.Url} (store {RunsCommand.Display(parse.GetValue(store) ?? RunsCommand.DefaultStore)}); Ctrl+C stops it");
            server.Server.WaitAsync(cancel).GetAwaiter().GetResult();
            return CliHost.Ok;
        }));
        return cmd;
    }

    /// <summary>Starts the server, warning about a non-loopback address.</summary>
    /// <exception cref="InputException">A port out of range or a host that is not an address.</exception>
    public static Running Start(DashboardOptions options)
    {
        if (options.Port is < 0 or > 65535) throw new InputException($"--port {options.Port}: must be between 0 and 65535");
        try
        {
            DashboardServer.ParseHost(options.Host);
        }
        catch (ArgumentException e)
        {
            throw new InputException(e.Message);
        }
        if (!DashboardServer.IsLoopback(options.Host))
            Console.Error.WriteLine($"warning: listening on {options.Host}, not loopback: anyone who can reach this machine can read every recorded run (the dashboard has no login)");
        return new Running(DashboardServer.StartAsync(options).GetAwaiter().GetResult());
    }

    /// <summary>A started server, stopped on dispose.</summary>
    internal sealed class Running(DashboardServer server) : IDisposable
    {
        public DashboardServer Server { get; } = server;
        public void Dispose() => Server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

/// <summary>Forwards a runner's live feed to the dashboard's hub (throttled by <see cref="ThrottledLiveFeed"/>).</summary>
internal sealed class HubLiveFeed(LiveHub hub, double maxFramesPerSecond) : ThrottledLiveFeed(maxFramesPerSecond)
{
    public long Frames { get; private set; }

    public override void Started(LiveRunInfo info) => hub.Send("start", info);

    public override void Publish(LiveFrame frame)
    {
        Frames++;
        hub.Send("frame", frame);
    }

    public override void PublishCurve(LiveCurve curve)
    {
        Frames++;
        hub.Send("curve", curve, curve.Chart + "\n" + curve.Series);
    }

    public override void Finished(string status, string? message = null) => hub.Send("end", new { status, message });
}
