using System.Text.Json;

namespace ChatCouncil.TestSupport.Fakes;

/// <summary>A bulk overwrite of application commands the fake Discord accepted; <see cref="GuildId"/> is null for global ones.</summary>
public sealed record DiscordCommandRegistration(string ApplicationId, string? GuildId, JsonElement Commands);
