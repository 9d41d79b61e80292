using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Sync;

/// <summary>The outcome of a promotion: whether it won, and the global memory that now holds the key.</summary>
public sealed record PromotionResult(bool Promoted, MemoryDocument Holder);
