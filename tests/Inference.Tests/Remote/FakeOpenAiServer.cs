using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Inference.Tests.Remote;

/// <summary>
/// A stand-in for an OpenAI-compatible server (llama-server, vLLM, Ollama) on loopback: answers
/// POST /v1/chat/completions with the documented streaming chunks, records every request body, and
/// can fail the next N requests with a status code.
/// </summary>
internal sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _failuresLeft;
    private int _failureStatus;

    private FakeOpenAiServer(WebApplication app) => _app = app;

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public Uri Endpoint => new(_app.Urls.First() + "/v1");

    public IReadOnlyList<string> Pieces { get; set; } = ["Hello", ", ", "world"];

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app);
        app.MapPost("/v1/chat/completions", server.CompleteAsync);
        await app.StartAsync();
        return server;
    }

    public void FailNext(int count, int status)
    {
        _failureStatus = status;
        Volatile.Write(ref _failuresLeft, count);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task CompleteAsync(HttpContext http)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
        Requests.Enqueue(body);
        Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            http.Response.StatusCode = _failureStatus;
            http.Response.Headers.RetryAfter = "0";
            await http.Response.WriteAsJsonAsync(new { error = new { message = "try later", type = "server_error" } });
            return;
        }

        var model = body.GetProperty("model").GetString();
        http.Response.ContentType = "text/event-stream";
        var index = 0;
        foreach (var piece in Pieces)
        {
            await WriteAsync(http, new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = new[] { new { index = 0, delta = new { role = index++ == 0 ? "assistant" : null, content = piece }, finish_reason = (string?)null } } });
        }

        await WriteAsync(http, new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = "stop" } } });
        await WriteAsync(http, new { id = "c1", @object = "chat.completion.chunk", created = 1, model, choices = Array.Empty<object>(), usage = new { prompt_tokens = 11, completion_tokens = Pieces.Count, total_tokens = 11 + Pieces.Count } });
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static async Task WriteAsync(HttpContext http, object chunk)
    {
        await http.Response.WriteAsync($"data: {JsonSerializer.Serialize(chunk)}\n\n");
        await http.Response.Body.FlushAsync();
    }
}
