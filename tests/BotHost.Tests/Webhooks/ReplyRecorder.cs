using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>Every reply and acknowledgement the recording clients were handed, in order, across platforms.</summary>
public sealed class ReplyRecorder
{
    private readonly Lock _lock = new();
    private readonly List<OutboundReply> _replies = [];
    private readonly List<ConversationTurn> _acknowledged = [];

    public IReadOnlyList<OutboundReply> Replies
    {
        get
        {
            lock (_lock)
            {
                return [.. _replies];
            }
        }
    }

    public IReadOnlyList<ConversationTurn> Acknowledged
    {
        get
        {
            lock (_lock)
            {
                return [.. _acknowledged];
            }
        }
    }

    public void Add(OutboundReply reply)
    {
        lock (_lock)
        {
            _replies.Add(reply);
        }
    }

    public void Add(ConversationTurn turn)
    {
        lock (_lock)
        {
            _acknowledged.Add(turn);
        }
    }

    public IReadOnlyList<OutboundReply> For(string eventId) => [.. Replies.Where(r => r.IdempotencyKey == eventId)];

    /// <summary>Waits until every event id has a reply; fails the test after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(IEnumerable<string> eventIds, TimeSpan? timeout = null)
    {
        var wanted = eventIds.ToHashSet(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!wanted.IsSubsetOf(Replies.Select(r => r.IdempotencyKey)))
        {
            if (DateTime.UtcNow > deadline)
            {
                var missing = string.Join(", ", wanted.Except(Replies.Select(r => r.IdempotencyKey)));
                Assert.Fail($"No reply for {missing} within {timeout ?? TimeSpan.FromSeconds(60)}.");
            }

            await Task.Delay(20);
        }
    }

    public Task WaitForAsync(params string[] eventIds) => WaitForAsync(eventIds, null);
}
