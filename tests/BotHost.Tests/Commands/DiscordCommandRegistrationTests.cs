using System.Net;
using ChatCouncil.TestSupport.Fakes;

namespace ChatCouncil.BotHost.Tests.Commands;

/// <summary>
/// At start the host overwrites the application's commands with <c>/council</c> on the fake Discord API: globally, or
/// in the configured guild; it waits out a 429; it does nothing while the connector is off or registration is turned
/// off; a refusal is logged and the host keeps serving.
/// </summary>
#pragma warning disable CA1001 // xunit disposes the fields in DisposeAsync.
public sealed class DiscordCommandRegistrationTests : IAsyncLifetime
{
    private FakeSlackApi _slack = null!;
    private FakeDiscordApi _discord = null!;
    private CommandHost? _host;

    public async Task InitializeAsync()
    {
        _slack = await FakeSlackApi.StartAsync();
        _discord = await FakeDiscordApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _slack.DisposeAsync();
        await _discord.DisposeAsync();
    }

    [Fact]
    public async Task Start_RegistersCouncilGloballyWithItsSubCommands()
    {
        Start();

        await WaitUntilAsync(() => !_discord.CommandRegistrations.IsEmpty);
        var registration = Assert.Single(_discord.CommandRegistrations);
        Assert.Equal((FakeDiscordApi.ApplicationId, (string?)null), (registration.ApplicationId, registration.GuildId));
        var request = Assert.Single(_discord.RequestsTo("/commands"));
        Assert.Equal(("PUT", $"/api/v10/applications/{FakeDiscordApi.ApplicationId}/commands", "Bot " + FakeDiscordApi.BotToken),
            (request.Method, request.Path, request.Header("Authorization")));

        var council = Assert.Single(registration.Commands.EnumerateArray());
        Assert.Equal(("council", 1), (council.GetProperty("name").GetString(), council.GetProperty("type").GetInt32()));
        var subCommands = council.GetProperty("options").EnumerateArray().ToArray();
        Assert.Equal(["ask", "status", "help"], subCommands.Select(o => o.GetProperty("name").GetString()));
        Assert.All(subCommands, o => Assert.Equal(1, o.GetProperty("type").GetInt32()));
        var question = Assert.Single(subCommands[0].GetProperty("options").EnumerateArray());
        Assert.Equal(("question", 3, true), (question.GetProperty("name").GetString(), question.GetProperty("type").GetInt32(), question.GetProperty("required").GetBoolean()));
        Assert.False(subCommands[1].TryGetProperty("options", out _));
    }

    [Fact]
    public async Task Start_WithGuildId_RegistersInThatGuildOnly()
    {
        Start(s => s["Connectors:Discord:Commands:GuildId"] = "777000000000000001");

        await WaitUntilAsync(() => !_discord.CommandRegistrations.IsEmpty);
        Assert.Equal("777000000000000001", Assert.Single(_discord.CommandRegistrations).GuildId);
        Assert.Equal($"/api/v10/applications/{FakeDiscordApi.ApplicationId}/guilds/777000000000000001/commands", Assert.Single(_discord.RequestsTo("/commands")).Path);
    }

    [Fact]
    public async Task Start_RateLimited_WaitsAsAskedThenRegistersOnce()
    {
        _discord.RateLimitNext(1, TimeSpan.FromMilliseconds(300));
        Start();

        await WaitUntilAsync(() => !_discord.CommandRegistrations.IsEmpty);
        Assert.Single(_discord.CommandRegistrations);
        Assert.Equal([429, 200], _discord.RequestsTo("/commands").Select(r => r.Status));
    }

    [Fact]
    public async Task Start_DiscordConnectorOff_RegistersNothing()
    {
        Start(s =>
        {
            s["Connectors:Discord:Enabled"] = "false";
            s["Webhooks:Discord:Enabled"] = "false";
        });

        // Hosted services have started once the host is up; give a request that was wrongly sent time to arrive.
        await Task.Delay(500);
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task Start_RegistrationTurnedOff_RegistersNothingAndSaysWhy()
    {
        Start(s => s["Connectors:Discord:Commands:Register"] = "false");

        await WaitUntilAsync(() => _host!.Logs.AllText.Contains("Connectors:Discord:Commands:Register is false", StringComparison.Ordinal));
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task Start_RegistrationRefused_IsLoggedAndTheHostKeepsServing()
    {
        Start(s => s["Connectors:Discord:ApplicationId"] = "123456789");

        await WaitUntilAsync(() => _host!.Logs.AllText.Contains("could not be registered", StringComparison.Ordinal));
        Assert.Equal([403], _discord.RequestsTo("/commands").Select(r => r.Status));
        Assert.DoesNotContain(FakeDiscordApi.BotToken, _host!.Logs.AllText, StringComparison.Ordinal);
        using var client = _host.CreateClient();
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private void Start(Action<IDictionary<string, string?>>? configure = null)
    {
        _host = new CommandHost(_slack, _discord, configure);
        _ = _host.Services; // starts the host and its hosted services
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
