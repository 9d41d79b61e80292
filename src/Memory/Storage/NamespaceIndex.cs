using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Storage;

/// <summary>
/// This process's vector index of one namespace and the namespace version it reflects. <see cref="Gate"/> serializes
/// loading and applying this process's own writes; searches read <see cref="Index"/> without it.
/// </summary>
internal sealed class NamespaceIndex
{
    private long _announced = -1;
    private long _verifiedAt = long.MinValue;

    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The version the index reflects; -1 before the first load.</summary>
    public long Version { get; set; } = -1;

    public VectorIndex? Index { get; set; }

    /// <summary>The highest version an invalidation announced; the index is stale while <see cref="Version"/> is below it.</summary>
    public long Announced => Interlocked.Read(ref _announced);

    /// <summary>When (UTC ticks) the database last confirmed <see cref="Version"/>.</summary>
    public long VerifiedAt => Interlocked.Read(ref _verifiedAt);

    public void Announce(long version)
    {
        var seen = Interlocked.Read(ref _announced);
        while (version > seen)
        {
            var previous = Interlocked.CompareExchange(ref _announced, version, seen);
            if (previous == seen)
            {
                return;
            }

            seen = previous;
        }
    }

    public void Verified(long timestamp) => Interlocked.Exchange(ref _verifiedAt, timestamp);

    /// <summary>Makes the next search confirm the version with the database (invalidations may have been missed).</summary>
    public void Distrust() => Interlocked.Exchange(ref _verifiedAt, long.MinValue);

    /// <summary>Whether a search may use the index without asking the database, given that invalidations are arriving.</summary>
    public bool IsTrusted(int dimensions, long now, long maxAge) =>
        Index is { } index && index.Dimensions == dimensions && Version >= 0 && Version >= Announced
        && VerifiedAt != long.MinValue && now - VerifiedAt < maxAge;
}
