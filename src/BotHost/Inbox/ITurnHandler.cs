using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Produces the answer to one claimed turn. The inbox asks the registered handlers in registration order and the
/// first whose <see cref="Takes"/> is true answers; a turn none of them takes goes to the chat model
/// (<see cref="ChatModelTurnHandler"/>, deliberately not registered as an <see cref="ITurnHandler"/>, so it always comes last).
/// Handlers are singletons and thread-safe; turns of one conversation never reach them concurrently.
/// </summary>
public interface ITurnHandler
{
    bool Takes(ConversationTurn turn);

    /// <summary>The answer to post in the turn's thread (the inbox keeps it, then delivers it once).</summary>
    Task<string> AnswerAsync(ClaimedTurn claimed, CancellationToken cancellationToken);
}

/// <summary>
/// A turn being answered: its inbox event, the worker holding the claim, the platform's client, and where the handler
/// may show its answer while writing it (<see cref="Progress"/>; showing nothing where the platform does not stream).
/// </summary>
public sealed record ClaimedTurn(InboxEvent Event, string Worker, IChatPlatformClient Client)
{
    public ConversationTurn Turn => Event.Turn;

    public IAnswerProgress Progress { get; init; } = NoAnswerProgress.Instance;
}
