using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Fakes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Tests.Outbound;

public sealed class AddConnectorsTests
{
    [Theory]
    [InlineData("Connectors:Slack:Enabled", "Connectors:Slack:BotToken")]
    [InlineData("Connectors:Discord:Enabled", "Connectors:Discord:BotToken")]
    [InlineData("Connectors:GitHub:Enabled", "Connectors:GitHub needs Token, or AppId")]
    [InlineData("Connectors:Discord:Gateway:Enabled", "Connectors:Discord:BotToken is required when Connectors:Discord:Gateway:Enabled")]
    public async Task AddConnectors_EnabledPlatformWithoutItsToken_FailsAtStartNamingTheSetting(string enabledKey, string expected)
    {
        using var host = Build(new() { [enabledKey] = "true" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddConnectors_NothingEnabled_StartsAndRefusesDisabledPlatformsClearly()
    {
        using var host = Build([]);
        await host.StartAsync();
        var clients = host.Services.GetRequiredService<ChatPlatformClients>();

        Assert.Empty(clients.Enabled);
        var failure = Assert.Throws<InvalidOperationException>(() => clients.Get(ChatPlatform.Discord));
        Assert.Contains("Connectors:Discord:Enabled", failure.Message, StringComparison.Ordinal);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddConnectors_AllEnabled_ResolvesEachPlatformsClientByKey()
    {
        using var host = Build(new()
        {
            ["Connectors:Slack:Enabled"] = "true",
            ["Connectors:Slack:BotToken"] = "xoxb-1",
            ["Connectors:Discord:Enabled"] = "true",
            ["Connectors:Discord:BotToken"] = "d-1",
            ["Connectors:GitHub:Enabled"] = "true",
            ["Connectors:GitHub:Token"] = "ghp-1",
        });
        await host.StartAsync();
        var clients = host.Services.GetRequiredService<ChatPlatformClients>();

        Assert.Equal([ChatPlatform.Slack, ChatPlatform.Discord, ChatPlatform.GitHub], clients.Enabled);
        Assert.All(clients.Enabled, p => Assert.Equal(p, clients.Get(p).Platform));
        Assert.Equal(ChatPlatform.GitHub, host.Services.GetRequiredKeyedService<IChatPlatformClient>(ChatPlatform.GitHub).Platform);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddConnectors_Enumerable_HoldsOneClientPerPlatformAndDisabledOnesRefuseClearly()
    {
        using var host = Build(new() { ["Connectors:Slack:Enabled"] = "true", ["Connectors:Slack:BotToken"] = "xoxb-1" });
        await host.StartAsync();

        var all = host.Services.GetServices<IChatPlatformClient>().ToList();

        Assert.Equal([ChatPlatform.Slack, ChatPlatform.Discord, ChatPlatform.GitHub], all.Select(c => c.Platform));
        var failure = await Assert.ThrowsAsync<ChatPlatformException>(() => all[2].SendAsync(Turns.Reply(Turns.SlackThread, "x"), CancellationToken.None));
        Assert.Contains("Connectors:GitHub:Enabled", failure.Message, StringComparison.Ordinal);
        Assert.False(failure.IsTransient);
        await host.StopAsync();
    }

    [Fact]
    public async Task AddConnectors_ConfiguredApiBaseUrl_SendsThere()
    {
        await using var slack = await FakeSlackApi.StartAsync();
        using var host = Build(new()
        {
            ["Connectors:Slack:Enabled"] = "true",
            ["Connectors:Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Connectors:Slack:ApiBaseUrl"] = slack.ApiUrl.AbsoluteUri.TrimEnd('/'),
        });
        await host.StartAsync();

        await host.Services.GetRequiredService<ChatPlatformClients>().Get(ChatPlatform.Slack)
            .SendAsync(Turns.Reply(Turns.SlackThread, "through DI"), CancellationToken.None);

        Assert.Equal("through DI", Assert.Single(slack.Messages).Text);
        await host.StopAsync();
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddConnectors();
        builder.AddConnectors();
        return builder.Build();
    }
}
