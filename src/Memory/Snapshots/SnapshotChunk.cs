namespace ChatCouncil.Memory.Snapshots;

/// <summary>A chunk in a snapshot line, with its vector so an import needs no embedding model.</summary>
public sealed record SnapshotChunk(int Index, string Text, float[] Vector);
