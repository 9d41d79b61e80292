using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class InMemoryReplyOutboxTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task RecordAsync_MoreRepliesThanTheCapacity_ForgetsTheOldest()
    {
        var outbox = new InMemoryReplyOutbox(_time, capacity: 2);

        foreach (var key in new[] { "k1", "k2", "k3" })
        {
            await outbox.RecordAsync(ChatPlatform.Slack, key, 0, "ts-" + key, final: true, CancellationToken.None);
        }

        Assert.Empty(await outbox.LoadAsync(ChatPlatform.Slack, "k1", CancellationToken.None));
        Assert.Equal(["ts-k2"], (await outbox.LoadAsync(ChatPlatform.Slack, "k2", CancellationToken.None)).Select(p => p.MessageId));
        Assert.Equal(["ts-k3"], (await outbox.LoadAsync(ChatPlatform.Slack, "k3", CancellationToken.None)).Select(p => p.MessageId));
    }

    [Fact]
    public async Task RecordAsync_AfterBegin_KeepsWhenThePostBeganAndSeparatesPlatforms()
    {
        var outbox = new InMemoryReplyOutbox(_time);
        var began = _time.GetUtcNow();
        await outbox.BeginPostAsync(ChatPlatform.GitHub, "k", 1, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5));

        await outbox.RecordAsync(ChatPlatform.GitHub, "k", 1, "c1", final: false, CancellationToken.None);

        Assert.Equal([new OutboxPiece(1, "c1", false, began)], await outbox.LoadAsync(ChatPlatform.GitHub, "k", CancellationToken.None));
        Assert.Empty(await outbox.LoadAsync(ChatPlatform.Slack, "k", CancellationToken.None));
    }
}
