namespace ChatCouncil.Memory.Records;

/// <summary>A chunk as read back, without its vector.</summary>
public sealed record StoredChunk(string DocumentId, int Index, string Text);
