using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>A message the fake Slack holds; <see cref="Metadata"/> is the <c>metadata</c> it was posted with.</summary>
public sealed record SlackPostedMessage(string Channel, string Ts, string? ThreadTs, string? Text, JsonElement? Blocks, JsonElement? Metadata = null);
