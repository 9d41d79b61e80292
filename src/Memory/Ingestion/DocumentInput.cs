using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Ingestion;

/// <summary>A document to ingest: its id (an existing one is replaced), content type, tags and optional title and link for citations.</summary>
public sealed record DocumentInput(string Id, string ContentType, MemoryTags Tags, string? Title = null, string? Link = null);
