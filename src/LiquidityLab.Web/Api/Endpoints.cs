using System.Globalization;
using System.Text;
using System.Text.Json;
using LiquidityLab.Results;
using LiquidityLab.Web.Live;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace LiquidityLab.Web.Api;

/// <summary>
/// The dashboard's routes. JSON keys are snake_case; numbers that are not finite are <c>null</c>.
/// <code>
/// GET /                                   the dashboard page
/// GET /assets/NAME                        its script, style and charting library (a fixed list)
/// GET /api/runs?scenario=&amp;status=&amp;tag=&amp;sweep=&amp;since=&amp;until=&amp;limit=   runs, newest first, with their metrics
/// GET /api/runs/ID                        one run: fields, metrics, parameters, files
/// GET /api/runs/ID/report                 its report document (report.json, or the one inside report.html)
/// GET /api/runs/ID/series                 PnL and inventory lines from its timeseries.csv
/// GET /api/runs/ID/book                   depth snapshots and price × time heatmap (order-driven runs)
/// GET /api/runs/ID/files/NAME             one file of its folder, by its recorded name
/// GET /api/sweeps                         every sweep: cases, done, swept keys
/// GET /api/sweeps/cases?id=SWEEP          the latest run of each case: parameters and metrics
/// GET /api/live                           is a live run being served (and the events so far)
/// GET /api/live/events                    the live run as server-sent events: start, frame, curve, end
/// </code>
/// </summary>
internal static class Endpoints
{
    public const int DefaultLimit = 500;
    public const int MaxLimit = 10_000;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Map(WebApplication app, ResultsStore? store, LiveHub? live)
    {
        app.MapGet("/", () => Asset("index.html", page: true));
        app.MapGet("/assets/{name}", (string name) => Asset(name, page: false));

        app.MapGet("/api/runs", (HttpContext c) => Handle(c, () => Ok(ListRuns(store, c.Request.Query))));
        app.MapGet("/api/runs/{id}", (HttpContext c, string id) => Handle(c, () => Ok(RunDetail(store, Run(store, id)))));
        app.MapGet("/api/runs/{id}/report", (HttpContext c, string id) => Handle(c, () =>
        {
            var run = Run(store, id);
            var json = RunReport.Json(run) ?? throw ApiError.NotFound($"run {run.Id} has no report");
            return HttpResults.Text(json, "application/json; charset=utf-8", Encoding.UTF8);
        }));
        app.MapGet("/api/runs/{id}/series", (HttpContext c, string id) => Handle(c, () =>
        {
            var run = Run(store, id);
            var csv = RunFiles.Resolve(run, "timeseries.csv") ?? throw ApiError.NotFound($"run {run.Id} has no timeseries.csv");
            return Ok(new { run = run.Id, series = SeriesReader.Read(csv) });
        }));
        app.MapGet("/api/runs/{id}/book", (HttpContext c, string id) => Handle(c, () =>
        {
            var run = Run(store, id);
            var depth = RunFiles.Resolve(run, "book_depth.csv");
            var heat = RunFiles.Resolve(run, "book_heatmap.csv");
            if (depth is null && heat is null) throw ApiError.NotFound($"run {run.Id} has no order book files (book_depth.csv, book_heatmap.csv)");
            return Ok(new
            {
                run = run.Id,
                depth = depth is null ? null : BookReader.ReadDepth(depth),
                heatmap = heat is null ? null : BookReader.ReadHeatmap(heat),
            });
        }));
        app.MapGet("/api/runs/{id}/files/{name}", (HttpContext c, string id, string name) => Handle(c, () =>
        {
            var run = Run(store, id);
            var path = RunFiles.Require(run, name);
            if (new FileInfo(path).Length > RunFiles.MaxServedBytes) throw ApiError.BadRequest($"{name} is larger than {RunFiles.MaxServedBytes >> 20} MB; read it from the run folder");
            // a report.html opened from here runs its own script but in a sandbox with no access to the dashboard's origin
            c.Response.Headers.ContentSecurityPolicy = "sandbox allow-scripts";
            return HttpResults.File(path, RunFiles.ContentType(name));
        }));

        app.MapGet("/api/sweeps", (HttpContext c) => Handle(c, () => Ok(store?.Sweeps().Select(s => new
        {
            sweep_id = s.SweepId, scenario = s.Scenario, cases = s.Cases, done = s.Done, parameters = s.Parameters, last_started_at = s.LastStartedAt,
        }).ToArray() ?? [])));
        app.MapGet("/api/sweeps/cases", (HttpContext c) => Handle(c, () =>
        {
            var id = c.Request.Query["id"].ToString();
            if (id.Length == 0) throw ApiError.BadRequest("give the sweep as ?id=SWEEP_ID (see /api/sweeps)");
            if (store is null) throw ApiError.NotFound($"no sweep {RunFiles.Trim(id)}: this dashboard serves no results store");
            IReadOnlyList<StoredSweepCase> cases;
            try { cases = store.SweepCases(id); }
            catch (StoreInputException) { throw ApiError.NotFound($"no sweep '{RunFiles.Trim(id)}' in the store"); }
            var parameters = cases.SelectMany(x => x.Parameters.Select(p => p.Key)).Distinct(StringComparer.Ordinal).ToArray();
            var metrics = cases.SelectMany(x => x.Metrics.Select(m => m.Key)).Distinct(StringComparer.Ordinal).ToArray();
            return Ok(new
            {
                sweep_id = id,
                parameters,
                metrics,
                cases = cases.Select(x => new
                {
                    @case = x.Run.CaseName,
                    run_id = x.Run.Id,
                    status = ResultsStore.Text(x.Run.Status),
                    parameters = x.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
                    metrics = MetricMap(x.Metrics),
                }).ToArray(),
            });
        }));

        app.MapGet("/api/live", (HttpContext c) => Handle(c, () => Ok(new { live = live != null, events = live?.Sent ?? 0, clients = live?.Clients ?? 0 })));
        app.MapGet("/api/live/events", async (HttpContext c) =>
        {
            if (live is null)
            {
                await WriteError(c, ApiError.NotFound("no live run: start one with liqlab run FILE --live")).ConfigureAwait(false);
                return;
            }
            c.Response.Headers.ContentType = "text/event-stream";
            c.Response.Headers.CacheControl = "no-cache";
            await c.Response.WriteAsync("retry: 2000\n\n", c.RequestAborted).ConfigureAwait(false);
            await c.Response.Body.FlushAsync(c.RequestAborted).ConfigureAwait(false);
            try
            {
                await foreach (var e in live.Subscribe(c.RequestAborted).ConfigureAwait(false))
                {
                    await c.Response.WriteAsync($"event: {e.Type}\ndata: {e.Data}\n\n", c.RequestAborted).ConfigureAwait(false);
                    await c.Response.Body.FlushAsync(c.RequestAborted).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) { } // the browser went away
        });

        // Anything else, file-like names included (the default fallback skips those): a JSON 404, never a file.
        app.MapFallback("{**path}", async c => await WriteError(c, ApiError.NotFound($"no such page or API: {RunFiles.Trim(c.Request.Path.Value ?? "")}")).ConfigureAwait(false));
    }

    public static Task WriteError(HttpContext context, ApiError error)
    {
        context.Response.StatusCode = error.Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = error.Message }, Json));
    }

    private static IResult Asset(string name, bool page)
    {
        if (StaticAssets.Find(name) is not { } asset)
            return HttpResults.Json(new { error = $"no asset '{RunFiles.Trim(name)}'" }, Json, statusCode: StatusCodes.Status404NotFound);
        return new AssetResult(asset, page);
    }

    private sealed class AssetResult(StaticAssets.Asset asset, bool page) : IResult
    {
        public Task ExecuteAsync(HttpContext c)
        {
            if (page)
                c.Response.Headers.ContentSecurityPolicy =
                    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";
            c.Response.ContentType = asset.ContentType;
            c.Response.ContentLength = asset.Bytes.Length;
            return HttpMethods.IsHead(c.Request.Method) ? Task.CompletedTask : c.Response.Body.WriteAsync(asset.Bytes).AsTask();
        }
    }

    private static IResult Handle(HttpContext c, Func<IResult> body)
    {
        try
        {
            return body();
        }
        catch (ApiError e)
        {
            return Error(e);
        }
        catch (StoreInputException e)
        {
            return Error(ApiError.BadRequest(e.Message));
        }
        catch (StoreException e)
        {
            return Error(new ApiError(StatusCodes.Status500InternalServerError, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CsvHelper.CsvFormatException)
        {
            return Error(new ApiError(StatusCodes.Status500InternalServerError, $"cannot read the run's files: {e.Message}"));
        }
    }

    private static IResult Error(ApiError e) => HttpResults.Json(new { error = e.Message }, Json, statusCode: e.Status);

    private static IResult Ok(object value) => HttpResults.Json(value, Json);

    private static StoredRun Run(ResultsStore? store, string id)
    {
        if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            throw ApiError.BadRequest($"run id '{RunFiles.Trim(id)}': must be a positive whole number");
        if (store is null) throw ApiError.NotFound($"no run {n}: this dashboard serves no results store");
        return store.Find(n) ?? throw ApiError.NotFound($"no run {n} in the store");
    }

    private static object[] ListRuns(ResultsStore? store, IQueryCollection q)
    {
        foreach (var key in q.Keys)
            if (key is not ("scenario" or "status" or "tag" or "sweep" or "since" or "until" or "limit"))
                throw ApiError.BadRequest($"unknown filter '{RunFiles.Trim(key)}': one of scenario, status, tag, sweep, since, until, limit");
        string? Text(string key) => q[key].ToString() is { Length: > 0 } v ? v : null;
        var limit = DefaultLimit;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            throw ApiError.BadRequest($"limit '{RunFiles.Trim(l)}': must be a whole number from 1 to {MaxLimit}");
        var filter = new RunFilter(
            Scenario: Text("scenario"),
            Tag: Text("tag"),
            Since: Text("since") is { } since ? Time("since", since) : null,
            Until: Text("until") is { } until ? Time("until", until) : null,
            Status: Text("status") is { } status ? ResultsStore.ParseStatusArgument(status) : null,
            SweepId: Text("sweep"),
            Limit: limit);
        if (store is null) return [];
        return store.List(filter).Select(r => Summary(store, r)).ToArray();
    }

    private static DateTimeOffset Time(string key, string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
            ? t : throw ApiError.BadRequest($"{key} '{RunFiles.Trim(text)}': not a date or ISO 8601 time");

    private static Dictionary<string, double?> MetricMap(IEnumerable<StoredMetric> metrics) =>
        metrics.ToDictionary(m => m.Key, m => double.IsFinite(m.Value) ? m.Value : (double?)null, StringComparer.Ordinal);

    private static object Summary(ResultsStore store, StoredRun r) => new
    {
        id = r.Id,
        scenario = r.Scenario,
        kind = r.Kind,
        seed = r.Seed,
        status = ResultsStore.Text(r.Status),
        started_at = r.StartedAt,
        finished_at = r.FinishedAt,
        wall_seconds = r.WallSeconds,
        tags = r.Tags,
        sweep_id = r.SweepId,
        case_name = r.CaseName,
        has_report = RunFiles.Has(r, "report.json") || RunFiles.Has(r, "report.html"),
        has_book = RunFiles.Has(r, "book_depth.csv") || RunFiles.Has(r, "book_heatmap.csv"),
        metrics = MetricMap(store.Metrics(r.Id)),
    };

    private static object RunDetail(ResultsStore? store, StoredRun r) => new
    {
        run = Summary(store!, r),
        source = r.Source,
        error = r.Error,
        host = r.Host,
        files = r.Files.Where(f => RunFiles.Resolve(r, f) != null).ToArray(),
        parameters = store!.Parameters(r.Id).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
        resolved_yaml = r.ResolvedYaml,
    };
}
