namespace ChatCouncil.BotHost.Webhooks;

/// <summary>The first answer to a Discord interaction: 1 PONG, 5 deferred message ("thinking…"), 6 deferred update.</summary>
public sealed record DiscordInteractionResponse(int Type)
{
    public static DiscordInteractionResponse Pong { get; } = new(1);

    public static DiscordInteractionResponse DeferredMessage { get; } = new(5);

    public static DiscordInteractionResponse DeferredUpdate { get; } = new(6);
}
