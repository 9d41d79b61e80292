using ChatCouncil.BotHost.Inbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCouncil.BotHost.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>
    /// Slash commands (<c>/council ask|status|help</c> on Slack and Discord) answered from the inbox, and their
    /// registration with Discord at start. Call after AddModels() and AddConnectors(), and before AddWebhooks(): turn
    /// handlers are asked in registration order, and the chat handler that AddWebhooks() adds takes every turn.
    /// </summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<HostUptime>();
        services.AddHostedService(sp => sp.GetRequiredService<HostUptime>());
        services.AddSingleton<CouncilStatus>();
        services.AddSingleton<ITurnHandler, CommandTurnHandler>();
        services.AddHostedService<DiscordCommandRegistrar>();
        return builder;
    }
}
