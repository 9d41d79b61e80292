using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>
/// A platform API stand-in on Kestrel (127.0.0.1, a free port): records every request with its answer, and can
/// answer the next N requests with a scripted failure (429 in the platform's own style, 500, …) before serving again.
/// </summary>
public abstract class FakePlatformServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<Func<HttpContext, Task>?> _failures = new();
    private WebApplication? _app;
    private string _pathBase = "";

    /// <summary>Where the API lives, with a trailing slash: what a client's ApiBaseUrl is set to.</summary>
    public Uri BaseUrl => new(_app!.Urls.First() + _pathBase + "/");

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How long every request waits before it is handled: a slow platform, so a test can act mid-conversation.</summary>
    public TimeSpan AnswerDelay { get; set; }

    /// <summary>The clock requests are stamped with (<see cref="RecordedRequest.ReceivedAt"/>).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public IReadOnlyList<RecordedRequest> RequestsTo(string pathSuffix) =>
        [.. _requests.Where(r => r.Path.EndsWith(pathSuffix, StringComparison.Ordinal))];

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> and a JSON error body.</summary>
    public void FailNext(int count, int status) =>
        ScriptNext(count, http =>
        {
            http.Response.StatusCode = status;
            return http.Response.WriteAsJsonAsync(new { message = "scripted failure" });
        });

    /// <summary>Answers the next <paramref name="count"/> requests with the platform's rate-limit response.</summary>
    public abstract void RateLimitNext(int count, TimeSpan retryAfter);

    /// <summary>Lets the next <paramref name="count"/> requests through before the scripted answers queued after it.</summary>
    public void PassNext(int count) => ScriptNext(count, null);

    public void ScriptNext(int count, Func<HttpContext, Task>? answer)
    {
        for (var i = 0; i < count; i++)
        {
            _failures.Enqueue(answer);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected abstract void MapRoutes(IEndpointRouteBuilder routes);

    protected virtual void ConfigurePipeline(WebApplication app)
    {
    }

    protected async Task StartCoreAsync(string pathBase = "")
    {
        _pathBase = pathBase.TrimEnd('/');
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        if (_pathBase.Length > 0)
        {
            app.UsePathBase(_pathBase);
        }

        app.Use(RecordAsync);
        ConfigurePipeline(app);
        app.UseRouting();
        MapRoutes(app);
        await app.StartAsync();
        _app = app;
    }

    private async Task RecordAsync(HttpContext http, Func<Task> next)
    {
        var receivedAt = Clock.GetUtcNow();
        http.Request.EnableBuffering();
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        http.Request.Body.Position = 0;
        var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var path = (http.Request.PathBase + http.Request.Path).ToString();

        // Recorded as the answer starts, before any byte of it reaches the client, so a test that has its answer sees the record.
        http.Response.OnStarting(() =>
        {
            _requests.Enqueue(new RecordedRequest(http.Request.Method, path, headers, body, http.Response.StatusCode, receivedAt) { Query = http.Request.QueryString.ToString(), AnsweredAt = Clock.GetUtcNow() });
            return Task.CompletedTask;
        });
        if (AnswerDelay > TimeSpan.Zero)
        {
            await Task.Delay(AnswerDelay, http.RequestAborted);
        }

        if (_failures.TryDequeue(out var failure) && failure is not null)
        {
            await failure(http);
        }
        else
        {
            await next();
        }
    }
}
