namespace ChatCouncil.Memory.Search;

/// <summary>An item's fused score and its 1-based rank in each input list (null where it was absent).</summary>
public sealed record FusedRank<TKey>(TKey Key, double Score, int? FirstRank, int? SecondRank);
