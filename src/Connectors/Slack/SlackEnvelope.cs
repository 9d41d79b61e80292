using System.Text.Json;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// One Socket Mode envelope: its type ("events_api", "interactive", "slash_commands") and payload, which is the body
/// the HTTP endpoint would have received (JSON for events; for interactivity and commands the fields as JSON).
/// <see cref="RetryAttempt"/> &gt; 0 when Slack is delivering it again.
/// </summary>
public sealed record SlackEnvelope(string EnvelopeId, string Type, JsonElement Payload, int RetryAttempt, string? RetryReason);
