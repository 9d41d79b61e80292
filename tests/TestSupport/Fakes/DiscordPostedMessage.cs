using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>A message the fake Discord accepted: <see cref="Via"/> is "channel", "original" (edited @original) or "followup".</summary>
public sealed record DiscordPostedMessage(string Id, string ChannelId, string Via, string? Content, string? ReplyTo, JsonElement? Components);
