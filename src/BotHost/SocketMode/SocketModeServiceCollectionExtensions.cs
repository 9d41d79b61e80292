using ChatCouncil.Connectors.Slack;

namespace ChatCouncil.BotHost.SocketMode;

public static class SocketModeServiceCollectionExtensions
{
    /// <summary>Slack Socket Mode into the durable inbox. Call after AddConnectors() and AddWebhooks().</summary>
    public static IHostApplicationBuilder AddSocketMode(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<ISlackEnvelopeHandler, SlackSocketModeEnvelopeHandler>();
        builder.Services.AddHostedService<SlackSocketModeWorker>();
        return builder;
    }
}
