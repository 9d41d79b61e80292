using ChatCouncil.BotHost.Inbox;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.Connectors.Slack;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>Streaming through the real Slack client: paced by the clock, and a platform refusal stops it without failing the turn.</summary>
public sealed class ThrottledAnswerProgressTests : IAsyncLifetime, IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly HttpClient _http = new();
    private FakeSlackApi _slack = null!;
    private SlackChatPlatformClient _client = null!;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _http.BaseAddress = _slack.ApiUrl;
        var options = Options.Create(new SlackApiOptions { Enabled = true, BotToken = FakeSlackApi.BotToken, ApiBaseUrl = _slack.ApiUrl });
        _client = new SlackChatPlatformClient(new SlackWebApiClient(_http, options, _time), new DeliveryLedger(), options, NullLogger<SlackChatPlatformClient>.Instance);
    }

    public async Task DisposeAsync() => await _slack.DisposeAsync();

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task UpdateAsync_SlackRefusesAnEdit_StopsStreamingWithoutThrowingAndTheAnswerIsStillSent()
    {
        var turn = TestTurns.Slack("Ev-refused", "1700000000.000200", thread: "1700000000.000100");
        var progress = new ThrottledAnswerProgress(_client, turn, TimeSpan.FromSeconds(1), _time, NullLogger.Instance);
        await progress.UpdateAsync("one", CancellationToken.None);

        _slack.ScriptNext(1, http => http.Response.WriteAsJsonAsync(new { ok = false, error = "cant_update_message" }));
        _time.Advance(TimeSpan.FromSeconds(1));
        await progress.UpdateAsync("one two", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await progress.UpdateAsync("one two three", CancellationToken.None);
        await _client.SendAsync(new OutboundReply(turn.Key, "one two three four", turn.EventId, turn.ReplyContext), CancellationToken.None);

        var message = Assert.Single(_slack.Messages);
        Assert.Equal(3, _slack.Requests.Count);
        Assert.Equal("one two three four", _slack.Current[message.Ts].Text);
    }

    [Fact]
    public async Task PaceAsync_RightAfterAnEdit_WaitsOutTheInterval()
    {
        var time = new FastForwardTimeProvider();
        var turn = TestTurns.Slack("Ev-paced", "1700000000.000300", thread: "1700000000.000100");
        var progress = new ThrottledAnswerProgress(_client, turn, TimeSpan.FromSeconds(1), time, NullLogger.Instance);
        await progress.UpdateAsync("first words", CancellationToken.None);

        await progress.PaceAsync(CancellationToken.None);

        Assert.True(Assert.Single(time.Waits) >= TimeSpan.FromSeconds(1));
    }
}
