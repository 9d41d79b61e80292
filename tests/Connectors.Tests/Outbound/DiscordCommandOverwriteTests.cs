using System.Net;
using System.Text.Json.Nodes;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>Bulk overwrite of application commands against the fake Discord API, through the real resilience pipeline.</summary>
public sealed class DiscordCommandOverwriteTests : IAsyncLifetime, IDisposable
{
    private readonly OutboundHarness _harness = new();
    private FakeDiscordApi _discord = null!;

    public async Task InitializeAsync() => _discord = await FakeDiscordApi.StartAsync();

    public async Task DisposeAsync() => await _discord.DisposeAsync();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task OverwriteCommandsAsync_Global_PutsTheListWithTheBotTokenAndCountsWhatDiscordKept()
    {
        var count = await _harness.DiscordApi(_discord).OverwriteCommandsAsync(FakeDiscordApi.ApplicationId, null, [Command("ping"), Command("pong")], CancellationToken.None);

        Assert.Equal(2, count);
        var request = Assert.Single(_discord.Requests);
        Assert.Equal(("PUT", $"/api/v10/applications/{FakeDiscordApi.ApplicationId}/commands", "Bot " + FakeDiscordApi.BotToken),
            (request.Method, request.Path, request.Header("Authorization")));
        Assert.Equal(["ping", "pong"], request.Json.EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task OverwriteCommandsAsync_Guild_UsesTheGuildRoute()
    {
        await _harness.DiscordApi(_discord).OverwriteCommandsAsync(FakeDiscordApi.ApplicationId, "42", [Command("ping")], CancellationToken.None);

        Assert.Equal("42", Assert.Single(_discord.CommandRegistrations).GuildId);
    }

    [Fact]
    public async Task OverwriteCommandsAsync_CommandDiscordRefuses_FailsForGoodWithDiscordsMessage()
    {
        var error = await Assert.ThrowsAsync<ChatPlatformException>(() =>
            _harness.DiscordApi(_discord).OverwriteCommandsAsync(FakeDiscordApi.ApplicationId, null, [Command("Not Valid")], CancellationToken.None));

        Assert.False(error.IsTransient);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Contains("Invalid Form Body", error.Message, StringComparison.Ordinal);
        Assert.Empty(_discord.CommandRegistrations);
    }

    [Fact]
    public async Task OverwriteCommandsAsync_RateLimited_WaitsAndSucceeds()
    {
        _discord.RateLimitNext(2, TimeSpan.FromSeconds(2));

        await _harness.DiscordApi(_discord).OverwriteCommandsAsync(FakeDiscordApi.ApplicationId, null, [Command("ping")], CancellationToken.None);

        Assert.Equal([429, 429, 200], _discord.RequestsTo("/commands").Select(r => r.Status));
    }

    private static JsonObject Command(string name) => new() { ["type"] = 1, ["name"] = name, ["description"] = $"The {name} command." };
}
