using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;

namespace ChatCouncil.BotHost.Health;

public static class HealthEndpoints
{
    /// <summary>
    /// Public, no key: <c>/health</c> runs every check, <c>/health/live</c> none (the process answers),
    /// <c>/health/ready</c> those tagged <see cref="HealthTags.Ready"/>. Unhealthy answers 503.
    /// </summary>
    public static RouteGroupBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/health").WithTags("Health").AllowAnonymous();
        group.MapHealthChecks("", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        group.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = HealthResponseWriter.WriteAsync });
        group.MapHealthChecks("/ready", new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        return group;
    }
}
