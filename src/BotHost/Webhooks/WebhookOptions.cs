namespace ChatCouncil.BotHost.Webhooks;

/// <summary>
/// Bound from the <c>Webhooks</c> section and validated at start: an enabled platform without its secret stops
/// the host with a message naming the setting. Secrets are never logged; a disabled platform's route answers 404.
/// </summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest request body accepted, in bytes; larger ones get 413 before any verification.</summary>
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    public SlackWebhookOptions Slack { get; set; } = new();

    public DiscordWebhookOptions Discord { get; set; } = new();

    public GitHubWebhookOptions GitHub { get; set; } = new();
}

public sealed class SlackWebhookOptions
{
    public bool Enabled { get; set; }

    /// <summary>The app's signing secret (Basic Information → App Credentials).</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot's own user id (<c>U…</c>); its messages are never answered.</summary>
    public string? BotUserId { get; set; }
}

public sealed class DiscordWebhookOptions
{
    private Connectors.Discord.DiscordPublicKey? _parsed;

    public bool Enabled { get; set; }

    /// <summary>The application's public key, 64 hex digits (General Information in the developer portal).</summary>
    public string? PublicKey { get; set; }

    internal Connectors.Discord.DiscordPublicKey ParsedPublicKey =>
        _parsed ??= Connectors.Discord.DiscordPublicKey.Parse(PublicKey ?? "");
}

public sealed class GitHubWebhookOptions
{
    public bool Enabled { get; set; }

    /// <summary>The webhook secret set on the repository, organisation or app.</summary>
    public string? Secret { get; set; }

    /// <summary>The bot's login (e.g. <c>chatcouncil[bot]</c>); its comments are never answered.</summary>
    public string? BotLogin { get; set; }
}
