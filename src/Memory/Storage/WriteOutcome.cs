namespace ChatCouncil.Memory.Storage;

/// <summary>What a committed write changed, so this process's vector index can follow without reloading.</summary>
/// <remarks><c>Version</c> is the namespace's version after the write; the write started from <c>Version - 1</c>.</remarks>
internal sealed record WriteOutcome(long Version, IReadOnlyList<long> Removed, IReadOnlyList<(long ChunkId, float[] Vector)> Added);
