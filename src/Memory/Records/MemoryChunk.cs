namespace ChatCouncil.Memory.Records;

/// <summary>One piece of a document with its embedding. <see cref="Index"/> counts from 0 in document order.</summary>
public sealed record MemoryChunk(int Index, string Text, ReadOnlyMemory<float> Vector);
