using System.Globalization;
using System.Net;
using System.Text.Json;

namespace ChatCouncil.Connectors.Http;

/// <summary>
/// Reads the wait a platform asks for: Discord's JSON <c>retry_after</c> (float seconds) or
/// <c>X-RateLimit-Reset-After</c>, the standard <c>Retry-After</c> (seconds or an HTTP date; Slack, GitHub
/// secondary limits), or GitHub's primary limit reset (<c>x-ratelimit-remaining: 0</c> with <c>x-ratelimit-reset</c>).
/// </summary>
internal static class PlatformRetryDelay
{
    public static bool IsRateLimited(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.TooManyRequests
        || (response.StatusCode == HttpStatusCode.Forbidden && (response.Headers.RetryAfter is not null || Header(response, "x-ratelimit-remaining") == "0"));

    public static bool IsTransientFailure(HttpResponseMessage response) =>
        IsRateLimited(response) || (int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout;

    public static async ValueTask<TimeSpan?> ReadAsync(HttpResponseMessage response, TimeProvider time, CancellationToken cancellationToken)
    {
        var fromBody = await ReadDiscordBodyAsync(response, cancellationToken);
        if (fromBody is { } bodyDelay)
        {
            return bodyDelay;
        }

        if (Seconds(Header(response, "X-RateLimit-Reset-After")) is { } resetAfter)
        {
            return resetAfter;
        }

        if (response.Headers.RetryAfter is { } retryAfter)
        {
            if (retryAfter.Delta is { } delta)
            {
                return delta;
            }

            if (retryAfter.Date is { } date)
            {
                return Max(date - time.GetUtcNow());
            }
        }

        if (Header(response, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(response, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var resetEpoch))
        {
            return Max(DateTimeOffset.FromUnixTimeSeconds(resetEpoch) - time.GetUtcNow());
        }

        return null;
    }

    private static async ValueTask<TimeSpan?> ReadDiscordBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.TooManyRequests || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return null;
        }

        try
        {
            // Buffered so that a caller that gets this response after the last attempt can still read it.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("retry_after", out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.GetDouble() is var seconds and >= 0 and < 86_400
                ? TimeSpan.FromSeconds(seconds)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and < 86_400
            ? TimeSpan.FromSeconds(seconds)
            : null;

    private static TimeSpan Max(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
