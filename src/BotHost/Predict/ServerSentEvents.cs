using System.Text.Json;

namespace ChatCouncil.BotHost.Predict;

/// <summary>Writes <c>text/event-stream</c> frames (<c>event:</c> name, one-line JSON <c>data:</c>), flushed one by one.</summary>
internal static class ServerSentEvents
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task StartAsync(HttpResponse response)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.StartAsync();
    }

    public static async Task WriteAsync<T>(HttpResponse response, string eventName, T data, CancellationToken cancellationToken)
    {
        await response.WriteAsync($"event: {eventName}\ndata: {JsonSerializer.Serialize(data, Json)}\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
