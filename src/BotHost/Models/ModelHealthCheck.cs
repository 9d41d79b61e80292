using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChatCouncil.BotHost.Models;

/// <summary>Ready when the default chat model is loaded.</summary>
internal sealed class ModelHealthCheck(ModelRegistry registry) : IHealthCheck
{
    public const string Name = "model";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var id = registry.DefaultFor(ModelRoles.Chat);
        if (id is null)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("No model has the chat role."));
        }

        var status = registry.Status(id);
        return Task.FromResult(status.State == ModelState.Loaded
            ? HealthCheckResult.Healthy($"{id} loaded on {status.Backend}")
            : HealthCheckResult.Unhealthy($"{id} is {status.State.ToString().ToLowerInvariant()}{(status.Error is null ? string.Empty : ": " + status.Error)}"));
    }
}
