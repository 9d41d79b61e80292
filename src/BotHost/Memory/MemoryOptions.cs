using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.BotHost.Memory;

/// <summary>Bound from the <c>Memory</c> section. Storage follows the host's <c>Storage</c> section (same database).</summary>
public sealed class MemoryOptions
{
    public const string SectionName = "Memory";

    /// <summary>The value of <see cref="EmbeddingModel"/> that selects the built-in lexical embedding.</summary>
    public const string LexicalModel = "lexical";

    /// <summary>
    /// Which embedding model makes memory's vectors: <c>lexical</c> (the default; deterministic hashed words and trigrams,
    /// needs no model) or the id of a model under <c>Inference:Models</c> with the <c>embedding</c> role.
    /// </summary>
    public string EmbeddingModel { get; set; } = LexicalModel;

    /// <summary>Largest document accepted, in bytes; larger ones are answered 413.</summary>
    [Range(1, 1L << 30)]
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    [Range(16, 8192)]
    public int ChunkTokens { get; set; } = 256;

    [Range(0, 4096)]
    public int OverlapTokens { get; set; } = 32;

    /// <summary>Relevance floor (cosine similarity) used when a request does not give one.</summary>
    [Range(-1.0, 1.0)]
    public double DefaultMinRelevance { get; set; } = 0.1;

    /// <summary>Largest snapshot accepted by an import, in bytes.</summary>
    [Range(1, 1L << 40)]
    public long MaxSnapshotBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>
    /// Each agent's priority when its promoted memories tie on time with another agent's (higher wins); unlisted agents
    /// have 0. Set here, not per request, so an agent cannot raise its own.
    /// </summary>
    public Dictionary<string, int> AgentPriorities { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A StackExchange.Redis configuration string (e.g. <c>127.0.0.1:6379</c>). When set, every write announces itself on
    /// <see cref="RedisChannel"/> and searches trust this process's vector index until an announcement overtakes it,
    /// instead of reading the namespace's version from the database each time. Empty: version check on every search.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>The pub/sub channel of the announcements; processes on different databases need different channels.</summary>
    public string RedisChannel { get; set; } = ChatCouncil.Memory.Invalidation.RedisIndexInvalidation.DefaultChannel;

    /// <summary>With <see cref="Redis"/>, how long a cached index is trusted before a search confirms its version anyway.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan IndexVerifyInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many chunks Ask gives the model when a request does not say.</summary>
    [Range(1, 20)]
    public int AskSources { get; set; } = 5;
}
