using ChatCouncil.BotHost.History;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.BotHost.Tests.History;

/// <summary>What every <see cref="IChatHistoryStore"/> must do. Each backend derives once and passes all of it.</summary>
public abstract class ChatHistoryStoreConformanceTests : IAsyncLifetime
{
    protected FakeTimeProvider Time { get; } = new();

    protected IChatHistoryStore Store { get; private set; } = null!;

    /// <summary>A store on an empty, migrated database that reads time from <paramref name="time"/>.</summary>
    protected abstract Task<IChatHistoryStore> CreateStoreAsync(TimeProvider time);

    public async Task InitializeAsync() => Store = await CreateStoreAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreateConversationAsync_ThenGet_ReturnsTheSameConversation()
    {
        var created = await Store.CreateConversationAsync("Release plan", "web");

        var read = await Store.GetConversationAsync(created.Id);

        Assert.Equal(created, read);
        Assert.Equal(Time.GetUtcNow(), created.CreatedAt);
        Assert.NotEqual(Guid.Empty, created.Id);
    }

    [Fact]
    public async Task CreateConversationAsync_SubMillisecondClock_KeepsMilliseconds()
    {
        Time.SetUtcNow(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_567));

        var created = await Store.CreateConversationAsync("t", "web");

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 123, TimeSpan.Zero), created.CreatedAt);
        Assert.Equal(created, await Store.GetConversationAsync(created.Id));
    }

    [Fact]
    public async Task GetConversationAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetConversationAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task AppendMessageAsync_ThenList_ReturnsMessagesInOrderWithEveryField()
    {
        var conversation = await Store.CreateConversationAsync("c", "rest");
        var user = await Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.User, "Hello?"));
        Time.Advance(TimeSpan.FromMilliseconds(1500));
        var reply = await Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(
            MessageRole.Assistant, "Hi.", ModelId: "tiny", PromptTokens: 12, CompletionTokens: 3, LatencyMs: 840));
        Time.Advance(TimeSpan.FromSeconds(1));
        var tool = await Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.Tool, "{\"ok\":true}"));

        var messages = await Store.ListMessagesAsync(conversation.Id);

        Assert.Equal([user, reply, tool], messages);
        Assert.True(user.Id < reply.Id && reply.Id < tool.Id);
        Assert.Equal(
            new HistoryMessage(reply.Id, conversation.Id, MessageRole.Assistant, "Hi.", "tiny", 12, 3, 840, Time.GetUtcNow().AddSeconds(-1)),
            messages[1]);
        Assert.Null(messages[0].ModelId);
        Assert.Null(messages[0].CompletionTokens);
    }

    [Fact]
    public async Task AppendMessageAsync_UnusualContent_RoundTripsExactly()
    {
        var conversation = await Store.CreateConversationAsync("ünïcødé 🤖 'quotes' \"double\"; DROP TABLE messages; --", "web");
        var content = string.Concat(Enumerable.Repeat("Ω≈ç√ 🦙 ' \" \\ \u0001 \n\r\t", 5000));

        await Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.User, content));

        Assert.Equal(content, Assert.Single(await Store.ListMessagesAsync(conversation.Id)).Content);
        Assert.Equal(conversation.Title, (await Store.GetConversationAsync(conversation.Id))!.Title);
    }

    [Fact]
    public async Task AppendMessageAsync_NulCharacter_ThrowsInsteadOfTruncating()
    {
        var conversation = await Store.CreateConversationAsync("c", "web");

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.User, "before\0after")));
        Assert.Empty(await Store.ListMessagesAsync(conversation.Id));
    }

    [Fact]
    public async Task AppendMessageAsync_UnknownConversation_ThrowsKeyNotFound()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            Store.AppendMessageAsync(Guid.NewGuid(), new NewHistoryMessage(MessageRole.User, "lost")));
    }

    [Fact]
    public async Task AppendMessageAsync_NegativeTokenCount_Throws()
    {
        var conversation = await Store.CreateConversationAsync("c", "web");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.Assistant, "x", PromptTokens: -1)));
    }

    [Fact]
    public async Task AppendMessageAsync_ConcurrentCalls_StoresEveryMessageWithDistinctIds()
    {
        var conversation = await Store.CreateConversationAsync("busy", "web");

        var appended = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Store.AppendMessageAsync(conversation.Id, new NewHistoryMessage(MessageRole.User, $"m{i}"))));

        var listed = await Store.ListMessagesAsync(conversation.Id);
        Assert.Equal(24, listed.Select(m => m.Id).Distinct().Count());
        Assert.Equal(appended.OrderBy(m => m.Id), listed);
    }

    [Fact]
    public async Task ListMessagesAsync_TwoConversations_KeepsThemApart()
    {
        var first = await Store.CreateConversationAsync("a", "web");
        var second = await Store.CreateConversationAsync("b", "web");
        await Store.AppendMessageAsync(first.Id, new NewHistoryMessage(MessageRole.User, "to a"));
        await Store.AppendMessageAsync(second.Id, new NewHistoryMessage(MessageRole.User, "to b"));

        Assert.Equal("to a", Assert.Single(await Store.ListMessagesAsync(first.Id)).Content);
        Assert.Equal("to b", Assert.Single(await Store.ListMessagesAsync(second.Id)).Content);
        Assert.Empty(await Store.ListMessagesAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task ListConversationsAsync_Pages_NewestFirstWithoutGapsOrRepeats()
    {
        var created = new List<Conversation>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await Store.CreateConversationAsync($"c{i}", "web"));
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var pages = new[]
        {
            await Store.ListConversationsAsync(0, 2),
            await Store.ListConversationsAsync(2, 2),
            await Store.ListConversationsAsync(4, 2),
            await Store.ListConversationsAsync(6, 2),
        };

        Assert.Equal([2, 2, 1, 0], pages.Select(p => p.Count));
        Assert.Equal(Enumerable.Reverse(created), pages.SelectMany(p => p));
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, IChatHistoryStore.MaxPageSize + 1)]
    public async Task ListConversationsAsync_PageOutOfRange_Throws(int offset, int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListConversationsAsync(offset, limit));
    }

    [Fact]
    public async Task CreateConversationAsync_EmptySource_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateConversationAsync("t", " "));
    }
}
