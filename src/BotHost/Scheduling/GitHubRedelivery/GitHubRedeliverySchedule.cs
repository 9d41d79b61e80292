using ChatCouncil.Connectors.GitHub;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Scheduling.GitHubRedelivery;

/// <summary>Whether this process schedules the sweep, decided from the options once the host is built.</summary>
internal static class GitHubRedeliverySchedule
{
    /// <returns>Null when scheduled, else why not.</returns>
    public static string? WhyNotScheduled(IServiceProvider services)
    {
        var github = services.GetRequiredService<IOptions<GitHubApiOptions>>().Value;
        return !github.Enabled ? "Connectors:GitHub:Enabled is false"
            : !github.UsesApp ? "the GitHub connector uses a token, not a GitHub App"
            : !services.GetRequiredService<IOptions<GitHubRedeliveryOptions>>().Value.Enabled ? "Scheduling:GitHubRedelivery:Enabled is false"
            : null;
    }
}
