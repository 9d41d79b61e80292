using System.Net;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>
/// Sends one platform request through the resilient HttpClient and turns every way it can fail into a
/// <see cref="ChatPlatformException"/> whose message names the operation, never the URL (Discord's carry tokens).
/// </summary>
internal static class PlatformCall
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, ChatPlatform platform, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException e)
        {
            throw new ChatPlatformException(platform, $"{platform} {operation}: the circuit to the API is open after repeated failures.", isTransient: true, retryAfter: e.RetryAfter, innerException: e);
        }
        catch (TimeoutRejectedException e)
        {
            throw new ChatPlatformException(platform, $"{platform} {operation} timed out.", isTransient: true, innerException: e);
        }
        catch (HttpRequestException e)
        {
            throw new ChatPlatformException(platform, $"{platform} {operation} could not reach the API ({e.HttpRequestError}).", isTransient: true, innerException: e);
        }
    }

    /// <summary>Throws for a non-2xx answer, with the platform's own error text and wait when it gave them.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, ChatPlatform platform, string operation, TimeProvider time, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var retryAfter = await PlatformRetryDelay.ReadAsync(response, time, cancellationToken);
        var (code, text) = await ReadErrorAsync(response, cancellationToken);
        var transient = PlatformRetryDelay.IsTransientFailure(response);
        throw new ChatPlatformException(
            platform,
            $"{platform} {operation} failed with HTTP {(int)response.StatusCode}{(text is null ? "" : ": " + text)}.",
            transient,
            response.StatusCode,
            code,
            retryAfter);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, ChatPlatform platform, string operation, CancellationToken cancellationToken)
    {
        try
        {
            // A standalone element: no pooled document left undisposed.
            return await JsonSerializer.DeserializeAsync<JsonElement>(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            throw new ChatPlatformException(platform, $"{platform} {operation} answered with malformed JSON.", isTransient: false, response.StatusCode, innerException: e);
        }
    }

    private static async Task<(string? Code, string? Text)> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var code = root.TryGetProperty("code", out var c) ? c.ToString() : root.TryGetProperty("error", out var e) ? e.ToString() : null;
            var text = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : code;
            return (code, text is { Length: > 200 } ? text[..200] : text);
        }
        catch (JsonException)
        {
            return (null, response.StatusCode == HttpStatusCode.NotFound ? "not found" : null);
        }
    }
}
