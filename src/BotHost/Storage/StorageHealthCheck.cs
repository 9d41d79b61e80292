using System.Data.Common;
using ChatCouncil.BotHost.Storage.Migrations;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Storage;

/// <summary>Ready when the database answers and its schema is the one this build expects.</summary>
internal sealed class StorageHealthCheck(IStorageMigrator migrator, IOptions<StorageOptions> options) : IHealthCheck
{
    public const string Name = "storage";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var provider = options.Value.Provider.ToString().ToLowerInvariant();
        int version;
        try
        {
            version = await migrator.GetCurrentVersionAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException or IOException)
        {
            // The public health response names the failure kind only; the health check service logs the details.
            return HealthCheckResult.Unhealthy($"{provider} storage is unreachable ({ex.GetType().Name}).", ex);
        }

        var data = new Dictionary<string, object> { ["provider"] = provider, ["schemaVersion"] = version };
        return version == migrator.LatestVersion
            ? HealthCheckResult.Healthy($"{provider} storage at schema version {version}.", data)
            : HealthCheckResult.Unhealthy($"{provider} schema is at version {version}; this build needs {migrator.LatestVersion}.", data: data);
    }
}
