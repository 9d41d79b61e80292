using ChatCouncil.BotHost.Outbox;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatCouncil.BotHost.Inbox;

public static class InboxServiceCollectionExtensions
{
    /// <summary>
    /// The durable inbox (section <c>Inbox</c>) on the configured storage provider, and its background workers.
    /// Replies go to the <see cref="Connectors.Conversations.IChatPlatformClient"/> registered for each platform.
    /// Needs <c>AddStorage</c> and <c>AddChat</c>.
    /// </summary>
    public static IHostApplicationBuilder AddInbox(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<InboxOptions>().BindConfiguration(InboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddProviderSingleton<IInboxStore, SqliteInboxStore, PostgresInboxStore>();
        // Replaces the connectors' in-memory outbox, so the messages of a reply outlive a crash.
        services.AddProviderSingleton<IReplyOutbox, SqliteReplyOutbox, PostgresReplyOutbox>();
        services.AddSingleton<InboxIntake>();
        services.AddSingleton(sp => sp.GetRequiredService<InboxIntake>().Signal);
        // Registered ITurnHandlers are asked in registration order; the chat model, never registered as one, takes the rest.
        services.AddSingleton<ChatModelTurnHandler>();
        services.AddSingleton<InboxProcessor>();
        services.AddHostedService<InboxWorker>();
        return builder;
    }
}
