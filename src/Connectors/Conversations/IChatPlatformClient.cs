namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// Posts replies to one platform, splitting long text at the platform's limits and rendering
/// Markdown in its dialect. Implementations retry 429/5xx as the platform asks and are thread-safe.
/// </summary>
public interface IChatPlatformClient
{
    ChatPlatform Platform { get; }

    /// <summary>False when the platform is configured off; such a client refuses every call naming the setting.</summary>
    bool IsEnabled => true;

    /// <summary>Acknowledges a turn visibly and at once (a reaction, a "thinking…" placeholder).</summary>
    Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken);

    Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken);
}
