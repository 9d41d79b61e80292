using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.SocketMode;

public static class SocketModeServiceCollectionExtensions
{
    /// <summary>
    /// The connections that need no public URL, feeding the durable inbox: Slack Socket Mode and the
    /// Discord Gateway (each runs only when enabled). Call after AddConnectors() and AddWebhooks().
    /// </summary>
    public static IHostApplicationBuilder AddSocketMode(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ISlackEnvelopeHandler, SlackSocketModeEnvelopeHandler>();
        builder.Services.AddHostedService<SlackSocketModeWorker>();
        builder.Services.AddSingleton<IDiscordDispatchHandler, DiscordGatewayDispatchHandler>();
        builder.Services.AddHostedService<DiscordGatewayWorker>();
        return builder;
    }
}
