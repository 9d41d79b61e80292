namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// Outbound GitHub settings, bound from "Connectors:GitHub" (the inbound side reads its own keys there too).
/// Either a personal access <see cref="Token"/>, or a GitHub App: <see cref="AppId"/> and its private key.
/// </summary>
public sealed class GitHubApiOptions
{
    public const string SectionName = "Connectors:GitHub";

    public bool Enabled { get; set; }

    /// <summary>A personal access (or fine-grained) token; when set, it is used instead of the App. Secret: never logged.</summary>
    public string? Token { get; set; }

    /// <summary>The GitHub App's id (the JWT's <c>iss</c>).</summary>
    public string? AppId { get; set; }

    /// <summary>The App's private key, PEM text. Secret: never logged.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>Or a file holding the PEM private key.</summary>
    public string? PrivateKeyPath { get; set; }

    /// <summary>Installation used when a reply carries no installation_id (a single-installation deployment).</summary>
    public string? InstallationId { get; set; }

    /// <summary>https://api.github.com, or https://HOST/api/v3 for GitHub Enterprise Server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.github.com/");

    /// <summary>GitHub requires a User-Agent on every call.</summary>
    public string UserAgent { get; set; } = "ChatCouncil";

    public string ApiVersion { get; set; } = "2022-11-28";

    /// <summary>Reaction content put on the comment as the bot's "seen it".</summary>
    public string AcknowledgementReaction { get; set; } = "eyes";

    /// <summary>An installation token is replaced this long before its expires_at.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>GitHub's limit on a comment body.</summary>
    public int MessageLimit { get; set; } = 65536;

    /// <summary>Whether an answer is shown while it is written: one comment, edited as it grows.</summary>
    public bool StreamEdits { get; set; } = true;

    /// <summary>Least time between two edits of a streamed answer; GitHub's secondary limits punish fast edits.</summary>
    public TimeSpan StreamEditInterval { get; set; } = TimeSpan.FromSeconds(2.5);

    public bool UsesApp => string.IsNullOrWhiteSpace(Token);
}
