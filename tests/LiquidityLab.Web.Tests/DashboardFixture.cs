using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using LiquidityLab.Web.Live;

namespace LiquidityLab.Web.Tests;

/// <summary>One real dashboard on a free loopback port over <see cref="StoreWithRuns"/>, with a live hub, shared by the API and browser tests.</summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public StoreWithRuns Store { get; } = new();
    public LiveHub Hub { get; } = new();
    public DashboardServer Server { get; private set; } = null!;
    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await DashboardServer.StartAsync(new DashboardOptions(Store.StorePath, Port: 0, Live: Hub));
        Http = new HttpClient { BaseAddress = new Uri(Server.Url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        Store.Dispose();
    }

    public async Task<(int Status, JsonElement Body)> GetJson(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType ?? "", StringComparison.Ordinal);
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    /// <summary>Sends the request line exactly as written (no client-side path normalisation) and returns status and body.</summary>
    public async Task<(int Status, string Body)> Raw(string target, string method = "GET", string host = "127.0.0.1", string extraHeaders = "", string body = "")
    {
        var uri = new Uri(Server.Url);
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(uri.Host, uri.Port);
        await using var stream = tcp.GetStream();
        var request = $"{method} {target} HTTP/1.1\r\nHost: {host}\r\n{extraHeaders}Connection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        var received = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0) received.Write(buffer, 0, n);
        }
        catch (IOException) { } // the server may reset the connection after refusing a request; what it sent counts
        var bytes = received.ToArray();
        var split = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.ASCII.GetString(bytes, 0, split < 0 ? bytes.Length : split);
        var status = int.Parse(head.Split(' ', 3)[1]);
        var content = split < 0 ? [] : bytes[(split + 4)..];
        if (head.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase)) content = Dechunk(content);
        return (status, Encoding.UTF8.GetString(content));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        var result = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var eol = chunked.AsSpan(at).IndexOf("\r\n"u8);
            if (eol < 0) break;
            var size = Convert.ToInt32(Encoding.ASCII.GetString(chunked, at, eol), 16);
            if (size == 0) break;
            result.Write(chunked, at + eol + 2, size);
            at += eol + 2 + size + 2;
        }
        return result.ToArray();
    }
}

[CollectionDefinition("dashboard")]
public sealed class DashboardCollection : ICollectionFixture<DashboardFixture>;
