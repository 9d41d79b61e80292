using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Http;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.Connectors.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors;

public static class ConnectorsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the outbound platform clients: options from "Connectors:Http", "Connectors:Slack",
    /// "Connectors:Discord" and "Connectors:GitHub" (validated at start for enabled platforms), one resilience pipeline
    /// per host, the in-process delivery ledger, each platform's API client and its <see cref="IChatPlatformClient"/>
    /// keyed by <see cref="ChatPlatform"/> and as an enumerable, and <see cref="ChatPlatformClients"/> to pick the
    /// enabled ones. Calling it twice registers nothing more.
    /// </summary>
    public static IHostApplicationBuilder AddConnectors(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (services.Any(d => d.ServiceType == typeof(ChatPlatformClients)))
        {
            return builder;
        }

        services.TryAddSingleton(TimeProvider.System);
        AddOptions(services);

        services.TryAddSingleton<HostResiliencePipelines>();
        services.TryAddSingleton<PlatformHttpClients>();
        // The host may register a durable outbox (before or after this call): the last registration wins.
        services.TryAddSingleton<IReplyOutbox>(sp => new InMemoryReplyOutbox(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DeliveryLedger(sp.GetRequiredService<IReplyOutbox>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<ChatPlatformClients>();

        services.TryAddSingleton(sp => new SlackWebApiClient(Http(sp, sp.GetRequiredService<IOptions<SlackApiOptions>>().Value.ApiBaseUrl), sp.GetRequiredService<IOptions<SlackApiOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<SlackChatPlatformClient>();
        services.TryAddSingleton<SlackSocketModeClient>();
        services.TryAddSingleton(sp => new DiscordRestClient(Http(sp, sp.GetRequiredService<IOptions<DiscordApiOptions>>().Value.ApiBaseUrl), sp.GetRequiredService<IOptions<DiscordApiOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DiscordChatPlatformClient>();
        services.TryAddSingleton<DiscordGatewayClient>();
        services.TryAddSingleton(sp => new GitHubTokenSource(Http(sp, GitHub(sp).Value.ApiBaseUrl), GitHub(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GitHubTokenSource>>()));
        services.TryAddSingleton(sp => new GitHubRestClient(Http(sp, GitHub(sp).Value.ApiBaseUrl), sp.GetRequiredService<GitHubTokenSource>(), GitHub(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<GitHubChatPlatformClient>();
        services.TryAddSingleton(sp => new GitHubRedeliverySweep(Http(sp, GitHub(sp).Value.ApiBaseUrl), sp.GetRequiredService<GitHubTokenSource>(), GitHub(sp), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<GitHubRedeliverySweep>>()));

        // Also as a plain enumerable (one per platform) for consumers that index clients by Platform; a disabled
        // platform's client refuses with the setting to change.
        services.AddSingleton<IChatPlatformClient>(sp => sp.GetRequiredService<SlackChatPlatformClient>());
        services.AddSingleton<IChatPlatformClient>(sp => sp.GetRequiredService<DiscordChatPlatformClient>());
        services.AddSingleton<IChatPlatformClient>(sp => sp.GetRequiredService<GitHubChatPlatformClient>());
        services.AddKeyedSingleton<IChatPlatformClient>(ChatPlatform.Slack, (sp, _) => sp.GetRequiredService<SlackChatPlatformClient>());
        services.AddKeyedSingleton<IChatPlatformClient>(ChatPlatform.Discord, (sp, _) => sp.GetRequiredService<DiscordChatPlatformClient>());
        services.AddKeyedSingleton<IChatPlatformClient>(ChatPlatform.GitHub, (sp, _) => sp.GetRequiredService<GitHubChatPlatformClient>());
        return builder;
    }

    private static void AddOptions(IServiceCollection services)
    {
        services.AddOptions<ConnectorHttpOptions>()
            .BindConfiguration(ConnectorHttpOptions.SectionName)
            .Validate(o => o.MaxRetryAttempts is >= 0 and <= 20, "Connectors:Http:MaxRetryAttempts must be between 0 and 20.")
            .Validate(o => o.AttemptTimeout > TimeSpan.Zero && o.TotalTimeout >= o.AttemptTimeout, "Connectors:Http:AttemptTimeout must be positive and not longer than Connectors:Http:TotalTimeout.")
            .Validate(o => o.BaseDelay > TimeSpan.Zero && o.MaxDelay >= o.BaseDelay && o.MaxRetryAfter >= TimeSpan.Zero, "Connectors:Http:BaseDelay must be positive and not longer than MaxDelay; MaxRetryAfter must not be negative.")
            .Validate(o => o.CircuitFailureRatio is > 0 and <= 1 && o.CircuitMinimumThroughput >= 2, "Connectors:Http:CircuitFailureRatio must be in (0, 1] and CircuitMinimumThroughput at least 2.")
            .Validate(o => o.SamplingDuration >= TimeSpan.FromMilliseconds(500) && o.BreakDuration >= TimeSpan.FromMilliseconds(500), "Connectors:Http:SamplingDuration and BreakDuration must be at least 0.5 s.")
            .ValidateOnStart();
        services.AddOptions<SlackApiOptions>()
            .BindConfiguration(SlackApiOptions.SectionName)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.BotToken), "Connectors:Slack:BotToken (xoxb-…) is required when Connectors:Slack:Enabled is true.")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Connectors:Slack:ApiBaseUrl must be an absolute URL.")
            .Validate(o => o.MessageLimit is >= 100 and <= 3000, "Connectors:Slack:MessageLimit must be between 100 and 3000.")
            .ValidateOnStart();
        services.AddOptions<SlackSocketModeOptions>()
            .BindConfiguration(SlackSocketModeOptions.SectionName)
            .Validate(o => !o.Enabled || (o.AppToken?.StartsWith("xapp-", StringComparison.Ordinal) ?? false), "Connectors:Slack:SocketMode:AppToken (an app-level xapp-… token) is required when Connectors:Slack:SocketMode:Enabled is true.")
            .Validate(o => o.MaxReconnectDelay >= TimeSpan.FromSeconds(1), "Connectors:Slack:SocketMode:MaxReconnectDelay must be at least 1 s.")
            .ValidateOnStart();
        services.AddOptions<DiscordApiOptions>()
            .BindConfiguration(DiscordApiOptions.SectionName)
            .Validate(o => !o.Enabled || !string.IsNullOrWhiteSpace(o.BotToken), "Connectors:Discord:BotToken is required when Connectors:Discord:Enabled is true.")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Connectors:Discord:ApiBaseUrl must be an absolute URL.")
            .Validate(o => o.MessageLimit is >= 100 and <= 2000, "Connectors:Discord:MessageLimit must be between 100 and 2000.")
            .ValidateOnStart();
        services.AddOptions<DiscordGatewayOptions>()
            .BindConfiguration(DiscordGatewayOptions.SectionName)
            .Validate(o => o.Url.IsAbsoluteUri && o.Url.Scheme is "wss" or "ws", "Connectors:Discord:Gateway:Url must be a wss:// URL.")
            .Validate(o => o.MaxReconnectDelay >= TimeSpan.FromSeconds(1), "Connectors:Discord:Gateway:MaxReconnectDelay must be at least 1 s.")
            .ValidateOnStart();
        services.AddOptions<DiscordApiOptions>()
            .Validate<IOptions<DiscordGatewayOptions>>((o, gateway) => !gateway.Value.Enabled || !string.IsNullOrWhiteSpace(o.BotToken), "Connectors:Discord:BotToken is required when Connectors:Discord:Gateway:Enabled is true.");
        services.AddOptions<DiscordCommandOptions>()
            .BindConfiguration(DiscordCommandOptions.SectionName)
            .Validate(o => o.GuildId is null || (o.GuildId.Length is > 0 and <= 20 && o.GuildId.All(char.IsAsciiDigit)), "Connectors:Discord:Commands:GuildId must be a guild id (a snowflake: digits only) when set.")
            .ValidateOnStart();
        services.AddOptions<GitHubApiOptions>()
            .BindConfiguration(GitHubApiOptions.SectionName)
            .Validate(o => !o.Enabled || !o.UsesApp || (!string.IsNullOrWhiteSpace(o.AppId) && (!string.IsNullOrWhiteSpace(o.PrivateKey) || !string.IsNullOrWhiteSpace(o.PrivateKeyPath))),
                "Connectors:GitHub needs Token, or AppId with PrivateKey or PrivateKeyPath, when Connectors:GitHub:Enabled is true.")
            .Validate(o => !o.Enabled || string.IsNullOrWhiteSpace(o.PrivateKeyPath) || File.Exists(o.PrivateKeyPath), "Connectors:GitHub:PrivateKeyPath names a file that does not exist.")
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri, "Connectors:GitHub:ApiBaseUrl must be an absolute URL (https://api.github.com or https://HOST/api/v3).")
            .Validate(o => o.MessageLimit is >= 100 and <= 65536, "Connectors:GitHub:MessageLimit must be between 100 and 65536.")
            .ValidateOnStart();
    }

    private static HttpClient Http(IServiceProvider services, Uri baseAddress) =>
        services.GetRequiredService<PlatformHttpClients>().Create(baseAddress);

    private static IOptions<GitHubApiOptions> GitHub(IServiceProvider services) =>
        services.GetRequiredService<IOptions<GitHubApiOptions>>();
}
