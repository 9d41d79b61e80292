namespace ChatCouncil.Memory.Storage;

/// <summary>A stored value (JSON text), when it was written and when it expires (null: never).</summary>
public sealed record MemoryValue(string Key, string Json, DateTimeOffset UpdatedAt, DateTimeOffset? ExpiresAt);
