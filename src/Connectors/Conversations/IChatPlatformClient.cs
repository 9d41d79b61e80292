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

    /// <summary>
    /// How often a growing answer may edit its message on this platform; null when the client does not stream
    /// (then only <see cref="SendAsync"/> posts the answer).
    /// </summary>
    TimeSpan? StreamInterval => null;

    /// <summary>Acknowledges a turn visibly and at once (a reaction, a "thinking…" placeholder).</summary>
    Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken);

    /// <summary>
    /// Shows the answer so far in the reply's first message: posts it the first time, edits it after. The caller
    /// throttles to <see cref="StreamInterval"/>; a later <see cref="SendAsync"/> with the same idempotency key edits
    /// that message into the final answer instead of posting another. Does nothing where the reply cannot stream.
    /// </summary>
    Task ShowPartialAsync(OutboundReply answerSoFar, CancellationToken cancellationToken) => Task.CompletedTask;

    Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken);
}
