using System.Text.Json;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.BotHost.Memory;

/// <summary>A stored value as JSON, when it was set and when it expires (null: never).</summary>
public sealed record ValueResponse(string Namespace, string Key, JsonElement Value, DateTimeOffset UpdatedAt, DateTimeOffset? ExpiresAt)
{
    public static ValueResponse From(string ns, MemoryValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        using var document = JsonDocument.Parse(value.Json);
        return new(ns, value.Key, document.RootElement.Clone(), value.UpdatedAt, value.ExpiresAt);
    }
}
