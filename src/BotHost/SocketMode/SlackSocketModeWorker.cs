using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.SocketMode;

/// <summary>Keeps the Slack Socket Mode connection open when Connectors:Slack:SocketMode:Enabled is true (no public URL needed).</summary>
internal sealed class SlackSocketModeWorker(SlackSocketModeClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);
}
