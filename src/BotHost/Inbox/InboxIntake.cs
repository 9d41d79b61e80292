using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>What webhook endpoints call: store the turn (or recognise it), then wake a worker. Thread-safe.</summary>
public sealed class InboxIntake(IInboxStore store, ILogger<InboxIntake> logger)
{
    internal InboxSignal Signal { get; } = new();

    public async Task<InboxAcceptance> AcceptAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var acceptance = await store.AcceptAsync(turn, cancellationToken);
        if (acceptance == InboxAcceptance.Accepted)
        {
            Log.Accepted(logger, turn.Key.Platform, turn.EventId, turn.Key.Value);
            Signal.Notify();
        }
        else
        {
            Log.Duplicate(logger, turn.Key.Platform, turn.EventId, turn.MessageId);
        }

        return acceptance;
    }
}
