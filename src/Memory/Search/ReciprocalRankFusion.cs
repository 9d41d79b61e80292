namespace ChatCouncil.Memory.Search;

/// <summary>
/// Reciprocal rank fusion (Cormack et al., 2009): each list adds 1 / (k + rank) for every item it ranks, so items
/// ranked well by both lists rise and the two lists' incomparable scores never meet. Ties are broken by the best
/// single rank, then by key, so the order is deterministic.
/// </summary>
public static class ReciprocalRankFusion
{
    public const int DefaultK = 60;

    public static IReadOnlyList<FusedRank<TKey>> Fuse<TKey>(IReadOnlyList<TKey> first, IReadOnlyList<TKey> second, int k = DefaultK)
        where TKey : notnull, IComparable<TKey>
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var fused = new Dictionary<TKey, FusedRank<TKey>>();
        for (var i = 0; i < first.Count; i++)
        {
            fused.TryAdd(first[i], new FusedRank<TKey>(first[i], 1.0 / (k + i + 1), i + 1, null));
        }

        for (var i = 0; i < second.Count; i++)
        {
            var contribution = 1.0 / (k + i + 1);
            fused[second[i]] = fused.TryGetValue(second[i], out var existing)
                ? existing.SecondRank is null ? existing with { Score = existing.Score + contribution, SecondRank = i + 1 } : existing
                : new FusedRank<TKey>(second[i], contribution, null, i + 1);
        }

        return [.. fused.Values
            .OrderByDescending(f => f.Score)
            .ThenBy(f => Math.Min(f.FirstRank ?? int.MaxValue, f.SecondRank ?? int.MaxValue))
            .ThenBy(f => f.Key)];
    }
}
