using ChatCouncil.Connectors.Discord;
using ChatCouncil.Connectors.GitHub;
using ChatCouncil.Connectors.Http;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.Connectors.Slack;
using ChatCouncil.TestSupport.Fakes;
using ChatCouncil.TestSupport.Time;
using Microsoft.Extensions.Options;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>The real resilience pipelines and HttpClients on a fast-forward clock, so retry waits cost no time.</summary>
internal sealed class OutboundHarness : IDisposable
{
    private readonly List<HttpClient> _httpClients = [];
    private readonly List<IDisposable> _disposables = [];
    private InMemoryReplyOutbox? _outbox;
    private DeliveryLedger? _ledger;

    public OutboundHarness(Action<ConnectorHttpOptions>? configure = null)
    {
        // Attempt and total timeouts are beyond the clock's auto-advance, so only waits between retries are skipped.
        var options = new ConnectorHttpOptions { AttemptTimeout = TimeSpan.FromMinutes(10), TotalTimeout = TimeSpan.FromHours(1) };
        configure?.Invoke(options);
        Options = options;
        Pipelines = new HostResiliencePipelines(Microsoft.Extensions.Options.Options.Create(options), Time, Logs.CreateLogger<HostResiliencePipelines>());
        Clients = new PlatformHttpClients(Pipelines);
    }

    public FastForwardTimeProvider Time { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public ConnectorHttpOptions Options { get; }

    public HostResiliencePipelines Pipelines { get; }

    public PlatformHttpClients Clients { get; }

    /// <summary>What a durable outbox holds: a second ledger on it is a restarted process.</summary>
    public InMemoryReplyOutbox Outbox => _outbox ??= new InMemoryReplyOutbox(Time);

    public DeliveryLedger Ledger
    {
        get => _ledger ??= new DeliveryLedger(Outbox, Time);
        set => _ledger = value;
    }

    public SlackChatPlatformClient Slack(FakeSlackApi fake, Action<SlackApiOptions>? configure = null)
    {
        var options = new SlackApiOptions { Enabled = true, BotToken = FakeSlackApi.BotToken, ApiBaseUrl = fake.ApiUrl };
        configure?.Invoke(options);
        var api = new SlackWebApiClient(Track(Clients.Create(options.ApiBaseUrl)), Wrap(options), Time);
        return new SlackChatPlatformClient(api, Ledger, Wrap(options), Logs.CreateLogger<SlackChatPlatformClient>());
    }

    public DiscordRestClient DiscordApi(FakeDiscordApi fake)
    {
        var options = new DiscordApiOptions { Enabled = true, BotToken = FakeDiscordApi.BotToken, ApiBaseUrl = fake.ApiUrl };
        return new DiscordRestClient(Track(Clients.Create(options.ApiBaseUrl)), Wrap(options), Time);
    }

    public DiscordChatPlatformClient Discord(FakeDiscordApi fake, Action<DiscordApiOptions>? configure = null)
    {
        var options = new DiscordApiOptions { Enabled = true, BotToken = FakeDiscordApi.BotToken, ApiBaseUrl = fake.ApiUrl };
        configure?.Invoke(options);
        var api = new DiscordRestClient(Track(Clients.Create(options.ApiBaseUrl)), Wrap(options), Time);
        return new DiscordChatPlatformClient(api, Ledger, Wrap(options), Logs.CreateLogger<DiscordChatPlatformClient>(), Time);
    }

    public (GitHubChatPlatformClient Client, GitHubRestClient Api, GitHubTokenSource Tokens) GitHub(FakeGitHubApi fake, Action<GitHubApiOptions>? configure = null)
    {
        var options = new GitHubApiOptions { Enabled = true, Token = FakeGitHubApi.PersonalToken, ApiBaseUrl = fake.BaseUrl };
        configure?.Invoke(options);
        var http = Track(Clients.Create(options.ApiBaseUrl));
        var tokens = new GitHubTokenSource(http, Wrap(options), Time, Logs.CreateLogger<GitHubTokenSource>());
        _disposables.Add(tokens);
        var api = new GitHubRestClient(http, tokens, Wrap(options), Time);
        return (new GitHubChatPlatformClient(api, Ledger, Wrap(options), Logs.CreateLogger<GitHubChatPlatformClient>()), api, tokens);
    }

    public HttpClient Track(HttpClient client)
    {
        _httpClients.Add(client);
        return client;
    }

    public static IOptions<T> Wrap<T>(T value)
        where T : class => Microsoft.Extensions.Options.Options.Create(value);

    public void Dispose()
    {
        foreach (var disposable in _httpClients.Concat(_disposables))
        {
            disposable.Dispose();
        }

        Clients.Dispose();
        Pipelines.Dispose();
    }
}
