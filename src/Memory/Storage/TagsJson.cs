using System.Text.Json;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Storage;

/// <summary>The stored form of tags: a JSON object of the string tags (the time has a column of its own).</summary>
internal static class TagsJson
{
    public static string Write(MemoryTags tags) => JsonSerializer.Serialize(tags.ToDictionary());

    public static MemoryTags Read(string json, DateTimeOffset? time) =>
        MemoryTags.FromDictionary(JsonSerializer.Deserialize<Dictionary<string, string>>(json), time);
}
