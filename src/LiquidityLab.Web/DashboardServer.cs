using System.Net;
using LiquidityLab.Results;
using LiquidityLab.Web.Api;
using LiquidityLab.Web.Live;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiquidityLab.Web;

/// <summary>Where the dashboard listens and what it serves.</summary>
/// <param name="StorePath">The results store to read; null serves no runs (a live run recorded nowhere).</param>
/// <param name="Host">The address to bind: loopback by default; anything else exposes the store to the network.</param>
/// <param name="Port">The TCP port; 0 picks a free one (see <see cref="DashboardServer.Url"/>).</param>
/// <param name="Live">The feed of a running simulation to stream, or null.</param>
public sealed record DashboardOptions(string? StorePath, string Host = "127.0.0.1", int Port = 8050, LiveHub? Live = null);

/// <summary>
/// The web dashboard: a Kestrel server with a read-only JSON API over the results store and the run
/// folders it records, the single-page dashboard, and (with a <see cref="LiveHub"/>) the live feed as
/// server-sent events. Safe by default: bound to loopback unless asked, only GET and HEAD, bounded
/// request sizes, a Host header check against DNS rebinding while on loopback, files only through
/// <see cref="RunFiles"/>, and errors as <c>{"error": "..."}</c> with 400, 404, 405 or 422.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ResultsStore? _store;

    private DashboardServer(WebApplication app, ResultsStore? store, string url)
    {
        _app = app;
        _store = store;
        Url = url;
    }

    /// <summary>The dashboard's address, e.g. <c>http://127.0.0.1:8050/</c>.</summary>
    public string Url { get; }

    /// <summary>True when <paramref name="host"/> is a loopback name or address (where binding is safe by default).</summary>
    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>Parses the address to bind; "localhost" binds 127.0.0.1.</summary>
    /// <exception cref="ArgumentException">Not an IP address or localhost.</exception>
    public static IPAddress ParseHost(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)) return IPAddress.Loopback;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip)) return ip;
        throw new ArgumentException($"--host {host}: not an IP address (use 127.0.0.1, ::1, 0.0.0.0 or a local interface's address)");
    }

    /// <summary>Opens the store (which must exist) and starts listening.</summary>
    /// <exception cref="StoreInputException">No store at the path, or not a results store.</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<DashboardServer> StartAsync(DashboardOptions options, CancellationToken cancel = default)
    {
        if (options.Port is < 0 or > 65535) throw new ArgumentException($"--port {options.Port}: must be between 0 and 65535");
        var address = ParseHost(options.Host);
        var store = options.StorePath is { } path ? ResultsStore.Open(path, new ResultsStoreOptions { CreateIfMissing = false }) : null;
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                k.Listen(address, options.Port);
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = 1024;
                k.Limits.MaxRequestLineSize = 4096;
                k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
                k.Limits.MaxRequestHeaderCount = 50;
            });
            var app = builder.Build();
            var loopback = IPAddress.IsLoopback(address);
            app.Use(async (context, next) =>
            {
                var error = Guard(context.Request, loopback);
                if (error != null)
                {
                    await Endpoints.WriteError(context, error).ConfigureAwait(false);
                    return;
                }
                context.Response.Headers.XContentTypeOptions = "nosniff";
                context.Response.Headers["Referrer-Policy"] = "no-referrer";
                await next(context).ConfigureAwait(false);
            });
            Endpoints.Map(app, store, options.Live);
            try
            {
                await app.StartAsync(cancel).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                await app.DisposeAsync().ConfigureAwait(false);
                throw new IOException($"cannot listen on {options.Host}:{options.Port}: {e.Message}", e);
            }
            var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            var port = new Uri(bound).Port;
            var shownHost = address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
            return new DashboardServer(app, store, $"http://{shownHost}:{port}/");
        }
        catch
        {
            store?.Dispose();
            throw;
        }
    }

    private static ApiError? Guard(HttpRequest request, bool loopback)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            return new ApiError(StatusCodes.Status405MethodNotAllowed, $"method {request.Method} not allowed: the dashboard is read-only (GET only)");
        if (request.ContentLength is > 0) return ApiError.BadRequest("a GET request carries no body");
        if (request.QueryString.Value is { Length: > 1024 }) return ApiError.BadRequest("query string longer than 1024 characters");
        // A page elsewhere could point a DNS name at 127.0.0.1 and read the API through the browser: on loopback,
        // answer only requests addressed to a loopback host.
        if (loopback && !IsLoopback(request.Host.Host))
            return ApiError.BadRequest($"host '{RunFiles.Trim(request.Host.Host)}' not allowed: the dashboard answers only localhost, 127.0.0.1 or [::1]");
        return null;
    }

    public async Task StopAsync() => await _app.StopAsync().ConfigureAwait(false);

    /// <summary>Runs until <paramref name="cancel"/> fires.</summary>
    public async Task WaitAsync(CancellationToken cancel)
    {
        try { await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false); }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync().ConfigureAwait(false);
        _store?.Dispose();
    }
}
