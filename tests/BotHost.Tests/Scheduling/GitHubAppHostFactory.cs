using System.Security.Cryptography;
using ChatCouncil.BotHost.Scheduling;
using ChatCouncil.BotHost.Scheduling.GitHubRedelivery;
using ChatCouncil.BotHost.Tests.Hosting;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Scheduling;

/// <summary>
/// The real host with the GitHub connector running as a GitHub App against <paramref name="github"/>, sweeping for
/// failed webhook deliveries at start and then hourly; <paramref name="extra"/> changes settings (storage, switches).
/// </summary>
public sealed class GitHubAppHostFactory(FakeGitHubApi github, RSA appKey, Action<IDictionary<string, string?>>? extra = null) : BotHostFactory
{
    public JobStatus<GitHubRedeliveryOutcome> Status => Services.GetRequiredService<JobStatus<GitHubRedeliveryOutcome>>();

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Connectors:GitHub:Enabled"] = "true";
        settings["Connectors:GitHub:AppId"] = FakeGitHubApi.AppId;
        settings["Connectors:GitHub:PrivateKey"] = appKey.ExportPkcs8PrivateKeyPem();
        settings["Connectors:GitHub:ApiBaseUrl"] = github.BaseUrl.ToString();
        settings["Scheduling:GitHubRedelivery:Interval"] = "01:00:00";
        settings["Scheduling:GitHubRedelivery:LookBack"] = "02:00:00";
        extra?.Invoke(settings);
    }
}
