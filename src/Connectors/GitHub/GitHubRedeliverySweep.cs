using System.Globalization;
using System.Text.Json;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// GitHub does not redeliver a webhook that failed: this sweep lists the App's recent deliveries
/// (GET /app/hook/deliveries, newest first, following the Link cursor) and asks for a new attempt
/// (POST /app/hook/deliveries/{id}/attempts) of every delivery GUID none of whose attempts succeeded (2xx).
/// Run it periodically (a scheduled job) with a look-back window longer than the period; the inbox deduplicates on
/// the GUID, so a redelivery of an event that did arrive after all is harmless. Thread-safe.
/// </summary>
public sealed class GitHubRedeliverySweep(HttpClient http, GitHubTokenSource tokens, IOptions<GitHubApiOptions> options, TimeProvider time, ILogger<GitHubRedeliverySweep> logger)
{
    private const int MaxPages = 20;

    /// <summary>Requests redelivery of the failed deliveries newer than <paramref name="lookBack"/>.</summary>
    public async Task<GitHubRedeliverySweepResult> RunOnceAsync(TimeSpan lookBack, CancellationToken cancellationToken)
    {
        var since = time.GetUtcNow() - lookBack;
        var attempts = new Dictionary<string, List<(long Id, bool Succeeded, bool Redelivery)>>(StringComparer.Ordinal);
        string? path = "app/hook/deliveries?per_page=100";
        for (var page = 0; path is not null && page < MaxPages; page++)
        {
            using var request = GitHubRequests.Create(HttpMethod.Get, path, tokens.CreateAppJwt(), options.Value);
            using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.GitHub, "list webhook deliveries", cancellationToken);
            await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.GitHub, "list webhook deliveries", time, cancellationToken);
            var deliveries = await PlatformCall.ReadJsonAsync(response, ChatPlatform.GitHub, "list webhook deliveries", cancellationToken);
            var reachedWindowStart = false;
            foreach (var delivery in deliveries.EnumerateArray())
            {
                if (delivery.TryGetProperty("delivered_at", out var at) && at.TryGetDateTimeOffset(out var deliveredAt) && deliveredAt < since)
                {
                    reachedWindowStart = true;
                    continue;
                }

                var guid = delivery.GetProperty("guid").GetString() ?? "";
                var status = delivery.TryGetProperty("status_code", out var code) && code.ValueKind == JsonValueKind.Number ? code.GetInt32() : 0;
                var redelivery = delivery.TryGetProperty("redelivery", out var r) && r.ValueKind == JsonValueKind.True;
                if (!attempts.TryGetValue(guid, out var list))
                {
                    attempts[guid] = list = [];
                }

                list.Add((delivery.GetProperty("id").GetInt64(), status is >= 200 and < 300, redelivery));
            }

            path = reachedWindowStart ? null : NextPage(response);
        }

        var requested = new List<long>();
        var failed = 0;
        foreach (var (guid, list) in attempts)
        {
            // One new attempt per failed GUID per sweep: the newest attempt is the one to repeat.
            if (list.Any(a => a.Succeeded))
            {
                continue;
            }

            failed++;

            var newest = list.MaxBy(a => a.Id).Id;
            using var request = GitHubRequests.Create(HttpMethod.Post, $"app/hook/deliveries/{newest.ToString(CultureInfo.InvariantCulture)}/attempts", tokens.CreateAppJwt(), options.Value);
            using var response = await PlatformCall.SendAsync(http, request, ChatPlatform.GitHub, "redeliver webhook", cancellationToken);
            await PlatformCall.EnsureSuccessAsync(response, ChatPlatform.GitHub, "redeliver webhook", time, cancellationToken);
            GitHubSweepLog.RedeliveryRequested(logger, guid, newest);
            requested.Add(newest);
        }

        return new GitHubRedeliverySweepResult(attempts.Values.Sum(a => a.Count), failed, requested);
    }

    /// <summary>The path of the Link header's rel="next", relative to the API base.</summary>
    private string? NextPage(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var links))
        {
            return null;
        }

        foreach (var link in string.Join(',', links).Split(','))
        {
            var parts = link.Split(';');
            if (parts.Length > 1 && parts[1].Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                var next = new Uri(parts[0].Trim().Trim('<', '>'));
                var baseUri = Http.PlatformHttpClients.WithTrailingSlash(options.Value.ApiBaseUrl);
                return baseUri.MakeRelativeUri(next).OriginalString;
            }
        }

        return null;
    }
}
