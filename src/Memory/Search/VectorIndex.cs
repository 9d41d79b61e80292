using System.Numerics.Tensors;

namespace ChatCouncil.Memory.Search;

/// <summary>
/// Exact nearest-neighbour search over one namespace's chunk vectors, held in one contiguous array and scanned with
/// SIMD dot products (<see cref="TensorPrimitives"/>). Vectors are L2-normalised on the way in, so a dot product is
/// the cosine similarity. Large indexes also keep each vector's sign bits and an int8 copy, and search those first (see
/// <see cref="QuantizedFrom"/>), rescoring the best candidates exactly. Thread-safe: searches run concurrently, writes
/// take the lock exclusively.
/// </summary>
public sealed partial class VectorIndex : IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<long, int> _slotById = [];
    private float[] _vectors;
    private sbyte[] _codes;
    private ulong[] _signs;
    private float[] _scales;
    private long[] _ids;
    private IndexedDocument[] _documents;
    private int _count;

    public VectorIndex(int dimensions, int capacity = 64)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        Dimensions = dimensions;
        capacity = Math.Max(capacity, 1);
        _vectors = new float[checked(capacity * dimensions)];
        _codes = new sbyte[checked(capacity * dimensions)];
        SignWords = (dimensions + 63) / 64;
        _signs = new ulong[checked(capacity * SignWords)];
        _scales = new float[capacity];
        _ids = new long[capacity];
        _documents = new IndexedDocument[capacity];
    }

    public int Dimensions { get; }

    /// <summary>64-bit words of one vector's sign bits.</summary>
    private int SignWords { get; }

    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _count;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds a chunk's vector, or replaces it if the id is present.</summary>
    /// <exception cref="ArgumentException">The vector's length is not <see cref="Dimensions"/>.</exception>
    public void Add(long chunkId, ReadOnlySpan<float> vector, IndexedDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"The vector has {vector.Length} dimensions; this index holds {Dimensions}.", nameof(vector));
        }

        _lock.EnterWriteLock();
        try
        {
            if (!_slotById.TryGetValue(chunkId, out var slot))
            {
                EnsureCapacity(_count + 1);
                slot = _count++;
                _slotById[chunkId] = slot;
            }

            var target = _vectors.AsSpan(slot * Dimensions, Dimensions);
            vector.CopyTo(target);
            var norm = TensorPrimitives.Norm(target);
            if (norm > 0)
            {
                TensorPrimitives.Divide(target, norm, target);
            }

            Quantize(target, _codes.AsSpan(slot * Dimensions, Dimensions), out _scales[slot]);
            Signs(target, _signs.AsSpan(slot * SignWords, SignWords));
            _ids[slot] = chunkId;
            _documents[slot] = document;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes the chunks; ids that are absent are ignored. The last entries move into the freed slots.</summary>
    public void Remove(IEnumerable<long> chunkIds)
    {
        ArgumentNullException.ThrowIfNull(chunkIds);
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in chunkIds)
            {
                if (!_slotById.Remove(id, out var slot))
                {
                    continue;
                }

                var last = --_count;
                if (slot != last)
                {
                    _vectors.AsSpan(last * Dimensions, Dimensions).CopyTo(_vectors.AsSpan(slot * Dimensions, Dimensions));
                    _codes.AsSpan(last * Dimensions, Dimensions).CopyTo(_codes.AsSpan(slot * Dimensions, Dimensions));
                    _signs.AsSpan(last * SignWords, SignWords).CopyTo(_signs.AsSpan(slot * SignWords, SignWords));
                    _scales[slot] = _scales[last];
                    _ids[slot] = _ids[last];
                    _documents[slot] = _documents[last];
                    _slotById[_ids[slot]] = slot;
                }

                _documents[last] = null!;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The <paramref name="limit"/> chunks most similar to <paramref name="query"/>, best first (ties by chunk id), that
    /// pass <paramref name="filter"/> and reach <paramref name="minSimilarity"/>.
    /// </summary>
    public IReadOnlyList<VectorMatch> Search(ReadOnlySpan<float> query, int limit, Func<IndexedDocument, bool>? filter = null, float minSimilarity = float.NegativeInfinity)
    {
        if (query.Length != Dimensions)
        {
            throw new ArgumentException($"The query has {query.Length} dimensions; this index holds {Dimensions}.", nameof(query));
        }

        if (limit <= 0)
        {
            return [];
        }

        var normalized = new float[Dimensions];
        var norm = TensorPrimitives.Norm(query);
        if (norm > 0)
        {
            TensorPrimitives.Divide(query, norm, normalized);
        }

        _lock.EnterReadLock();
        try
        {
            return _count >= QuantizedFrom && CanScanQuantized
                ? SearchQuantized(normalized, limit, filter, minSimilarity)
                : SearchExact(normalized, limit, filter, minSimilarity);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>The exact scan, whatever the index's size; the reference the quantized search is measured against.</summary>
    public IReadOnlyList<VectorMatch> SearchExact(ReadOnlySpan<float> query, int limit, Func<IndexedDocument, bool>? filter = null, float minSimilarity = float.NegativeInfinity)
    {
        var normalized = query.ToArray();
        var norm = TensorPrimitives.Norm(query);
        if (norm > 0)
        {
            TensorPrimitives.Divide(normalized, norm, normalized);
        }

        _lock.EnterReadLock();
        try
        {
            return SearchExact(normalized, limit, filter, minSimilarity);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private VectorMatch[] SearchExact(float[] normalized, int limit, Func<IndexedDocument, bool>? filter, float minSimilarity)
    {
        // A min-heap of the best so far: its root is the weakest kept match, replaced when a better one arrives.
        var heap = new PriorityQueue<VectorMatch, (float, long)>(limit + 1, WeakestFirst.Instance);
        var vectors = _vectors.AsSpan(0, _count * Dimensions);
        for (var i = 0; i < _count; i++)
        {
            if (filter is not null && !filter(_documents[i]))
            {
                continue;
            }

            var similarity = TensorPrimitives.Dot(vectors.Slice(i * Dimensions, Dimensions), normalized);
            if (similarity >= minSimilarity)
            {
                Offer(heap, limit, new VectorMatch(_ids[i], similarity));
            }
        }

        return Drain(heap);
    }

    private static void Offer(PriorityQueue<VectorMatch, (float, long)> heap, int limit, VectorMatch match)
    {
        if (heap.Count < limit)
        {
            heap.Enqueue(match, (match.Similarity, match.ChunkId));
        }
        else if (heap.TryPeek(out var weakest, out _) && IsBetter(match.Similarity, match.ChunkId, weakest))
        {
            heap.EnqueueDequeue(match, (match.Similarity, match.ChunkId));
        }
    }

    private static VectorMatch[] Drain(PriorityQueue<VectorMatch, (float, long)> heap)
    {
        var result = new VectorMatch[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--)
        {
            result[i] = heap.Dequeue();
        }

        return result;
    }

    public void Dispose() => _lock.Dispose();

    private static bool IsBetter(float similarity, long id, VectorMatch than) =>
        similarity > than.Similarity || (similarity == than.Similarity && id < than.ChunkId);

    private void EnsureCapacity(int needed)
    {
        if (needed <= _ids.Length)
        {
            return;
        }

        var capacity = Math.Max(needed, _ids.Length * 2);
        Array.Resize(ref _vectors, checked(capacity * Dimensions));
        Array.Resize(ref _codes, checked(capacity * Dimensions));
        Array.Resize(ref _signs, checked(capacity * SignWords));
        Array.Resize(ref _scales, capacity);
        Array.Resize(ref _ids, capacity);
        Array.Resize(ref _documents, capacity);
    }

    /// <summary>Orders the heap so the weakest match (lowest similarity; on a tie, the higher id) comes out first.</summary>
    private sealed class WeakestFirst : IComparer<(float Similarity, long Id)>
    {
        public static readonly WeakestFirst Instance = new();

        public int Compare((float Similarity, long Id) x, (float Similarity, long Id) y)
        {
            var bySimilarity = x.Similarity.CompareTo(y.Similarity);
            return bySimilarity != 0 ? bySimilarity : y.Id.CompareTo(x.Id);
        }
    }
}
