using ChatCouncil.Connectors.Discord;

namespace ChatCouncil.BotHost.SocketMode;

/// <summary>Keeps the Discord Gateway connection open when Connectors:Discord:Gateway:Enabled is true.</summary>
internal sealed class DiscordGatewayWorker(DiscordGatewayClient client) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => client.RunAsync(stoppingToken);
}
