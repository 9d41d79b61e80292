namespace ChatCouncil.BotHost.Memory;

/// <summary>A memory to remember: its text and optional id (an existing id is replaced), tags, time, title and link.</summary>
public sealed record AddMemoryRequest(
    string? Text,
    string? Id = null,
    IReadOnlyDictionary<string, string>? Tags = null,
    DateTimeOffset? Time = null,
    string? Title = null,
    string? Link = null);
