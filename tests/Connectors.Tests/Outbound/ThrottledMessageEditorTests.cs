using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class ThrottledMessageEditorTests
{
    [Fact]
    public async Task UpdateAsync_ManyUpdatesWithinTheInterval_EditsOnceThenFlushSendsTheNewest()
    {
        var time = new FakeTimeProvider();
        var edits = new List<string>();
        var editor = new ThrottledMessageEditor((text, _) => { edits.Add(text); return Task.CompletedTask; }, TimeSpan.FromSeconds(1), time);

        await editor.UpdateAsync("a", CancellationToken.None);
        await editor.UpdateAsync("ab", CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(500));
        await editor.UpdateAsync("abc", CancellationToken.None);
        await editor.FlushAsync(CancellationToken.None);

        Assert.Equal(["a", "abc"], edits);
    }

    [Fact]
    public async Task UpdateAsync_IntervalPassed_EditsAtOnce()
    {
        var time = new FakeTimeProvider();
        var edits = new List<string>();
        var editor = new ThrottledMessageEditor((text, _) => { edits.Add(text); return Task.CompletedTask; }, TimeSpan.FromSeconds(1), time);

        await editor.UpdateAsync("a", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        await editor.UpdateAsync("ab", CancellationToken.None);
        await editor.FlushAsync(CancellationToken.None);

        Assert.Equal(["a", "ab"], edits);
        Assert.Equal(2, editor.EditCount);
    }

    [Fact]
    public async Task UpdateAsync_StreamingIntoADiscordMessage_EditsItAtTheAllowedPace()
    {
        await using var discord = await FakeDiscordApi.StartAsync();
        using var harness = new OutboundHarness();
        var api = new DiscordRestClient(harness.Track(harness.Clients.Create(discord.ApiUrl)), OutboundHarness.Wrap(new DiscordApiOptions { Enabled = true, BotToken = FakeDiscordApi.BotToken, ApiBaseUrl = discord.ApiUrl }), harness.Time);
        var id = await api.CreateMessageAsync("C1", "thinking…", null, null, null, CancellationToken.None);
        var time = new FakeTimeProvider();
        var editor = new ThrottledMessageEditor((text, ct) => api.EditMessageAsync("C1", id, text, null, ct), TimeSpan.FromSeconds(1), time);

        foreach (var word in new[] { "The", "The answer", "The answer is", "The answer is 42." })
        {
            await editor.UpdateAsync(word, CancellationToken.None);
            time.Advance(TimeSpan.FromMilliseconds(400));
        }

        await editor.FlushAsync(CancellationToken.None);

        // Offered at 0, 0.4, 0.8 and 1.2 s with a 1 s pace: the first and the last (due again) are sent, the flush has nothing new.
        Assert.Equal([$"{id}: The", $"{id}: The answer is 42."], discord.Edits);
    }
}
