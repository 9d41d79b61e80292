using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Search;

/// <summary>What the vector index keeps about a chunk's document: enough to apply tag filters during the scan.</summary>
public sealed record IndexedDocument(string DocumentId, MemoryTags Tags);
