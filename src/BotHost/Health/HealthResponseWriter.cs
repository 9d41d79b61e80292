using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCouncil.BotHost.Health;

/// <summary>
/// <c>{"status":"Healthy","totalDurationMs":1.2,"checks":{"storage":{"status":…,"description":…,"durationMs":…,"tags":[…],"data":{…}}}}</c>.
/// Exception details stay out: the endpoints are public. The health check service logs them.
/// </summary>
internal static class HealthResponseWriter
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(
            entry => entry.Key,
            entry => new
            {
                status = entry.Value.Status.ToString(),
                description = entry.Value.Description,
                durationMs = Math.Round(entry.Value.Duration.TotalMilliseconds, 2),
                tags = entry.Value.Tags,
                data = entry.Value.Data,
            },
            StringComparer.Ordinal);
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 2),
            checks,
        };
        return context.Response.WriteAsJsonAsync(body, Options, contentType: "application/json; charset=utf-8");
    }
}
