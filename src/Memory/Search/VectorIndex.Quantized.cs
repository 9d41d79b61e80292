using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics.Tensors;

namespace ChatCouncil.Memory.Search;

public sealed partial class VectorIndex
{
    /// <summary>
    /// From this many vectors on, a search runs in stages, each reading less than a float scan would: the Hamming distance
    /// between sign bits (48 bytes a vector at 384 dimensions) orders every entry; the int8 codes score a shortlist of the
    /// nearest and keep <see cref="RescoreFactor"/>× the asked-for candidates; the float vectors rescore those exactly.
    /// Smaller indexes are scanned exactly: there the float scan is already fast.
    /// </summary>
    public const int QuantizedFrom = 20_000;

    /// <summary>Candidates kept per result asked for, before exact rescoring; at least 64.</summary>
    public const int RescoreFactor = 8;

    /// <summary>
    /// The first shortlist: this many times the candidates, or one entry in <see cref="ShortlistFraction"/>. Where vectors
    /// cluster, as embeddings do, it holds the true neighbours; where they do not, the widening pass extends it.
    /// </summary>
    public const int ShortlistFactor = 4;

    public const int ShortlistFraction = 64;

    /// <summary>Standard deviations of Hamming-distance noise the widening pass allows for.</summary>
    private const double WideningDeviations = 3;

    private static bool CanScanQuantized => Avx2.IsSupported;

    /// <summary>Symmetric per-vector quantization: code = round(x / scale), scale = max|x| / 127.</summary>
    internal static void Quantize(ReadOnlySpan<float> vector, Span<sbyte> codes, out float scale)
    {
        // MaxMagnitude returns the signed value of largest magnitude.
        var max = MathF.Abs(TensorPrimitives.MaxMagnitude(vector));
        scale = max > 0 ? max / 127f : 1f;
        for (var i = 0; i < vector.Length; i++)
        {
            codes[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        }
    }

    /// <summary>One bit per dimension, set where the component is positive.</summary>
    internal static void Signs(ReadOnlySpan<float> vector, Span<ulong> words)
    {
        words.Clear();
        for (var i = 0; i < vector.Length; i++)
        {
            if (vector[i] > 0)
            {
                words[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>
    /// Scores the shortlist (entries within the Hamming distance that holds <see cref="ShortlistFactor"/>× the candidates)
    /// with int8 codes, then widens it: a vector at angle θ from the query differs in about D·θ/π sign bits, so every
    /// entry within that distance of the current k-th best exact match, plus <see cref="WideningDeviations"/> standard
    /// deviations, is scored too. Clustered data rarely needs the second pass; uniform noise does, and keeps its recall.
    /// </summary>
    private VectorMatch[] SearchQuantized(float[] normalized, int limit, Func<IndexedDocument, bool>? filter, float minSimilarity)
    {
        var candidates = Math.Max(64, limit * RescoreFactor);
        var distances = ArrayPool<ushort>.Shared.Rent(_count);
        var approximate = new PriorityQueue<VectorMatch, (float, long)>(candidates + 1, WeakestFirst.Instance);
        try
        {
            var histogram = HammingScan(normalized, filter, distances);
            var shortlist = Math.Max(candidates * ShortlistFactor, _count / ShortlistFraction);
            var (kept, threshold) = (0, 0);
            while (threshold <= Dimensions && kept + histogram[threshold] < shortlist)
            {
                kept += histogram[threshold++];
            }

            var queryCodes = new sbyte[Dimensions];
            Quantize(normalized, queryCodes, out var queryScale);
            var widened = Math.Min(threshold, Dimensions);
            ScoreInt8(queryCodes, queryScale, distances, -1, widened, approximate, candidates);
            var first = Rescore(approximate, normalized, limit, float.NegativeInfinity);
            var reach = Dimensions;
            if (first.Length == limit)
            {
                var p = Math.Acos(Math.Clamp(first[^1].Similarity, -1, 1)) / Math.PI;
                reach = (int)Math.Ceiling((Dimensions * p) + (WideningDeviations * Math.Sqrt(Dimensions * p * (1 - p))));
            }

            if (reach <= widened)
            {
                return [.. first.Where(m => m.Similarity >= minSimilarity)];
            }

            ScoreInt8(queryCodes, queryScale, distances, widened, Math.Min(reach, Dimensions), approximate, candidates);
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(distances);
        }

        return Rescore(approximate, normalized, limit, minSimilarity);
    }

    /// <summary>Writes each entry's Hamming distance to the query (filtered-out entries get more than any) and their histogram.</summary>
    private int[] HammingScan(float[] normalized, Func<IndexedDocument, bool>? filter, ushort[] distances)
    {
        Span<ulong> query = stackalloc ulong[SignWords];
        Signs(normalized, query);
        var histogram = new int[Dimensions + 2];
        var rejected = (ushort)(Dimensions + 1);
        var signs = _signs.AsSpan(0, _count * SignWords);
        for (var i = 0; i < _count; i++)
        {
            if (filter is not null && !filter(_documents[i]))
            {
                distances[i] = rejected;
                continue;
            }

            var distance = Hamming(query, signs.Slice(i * SignWords, SignWords));
            distances[i] = (ushort)distance;
            histogram[distance]++;
        }

        return histogram;
    }

    /// <summary>Offers every entry at a Hamming distance in (<paramref name="above"/>, <paramref name="upTo"/>] by its int8 score.</summary>
    private void ScoreInt8(sbyte[] queryCodes, float queryScale, ushort[] distances, int above, int upTo,
        PriorityQueue<VectorMatch, (float, long)> approximate, int candidates)
    {
        var weakest = approximate.Count == candidates ? approximate.Peek().Similarity : float.NegativeInfinity;
        for (var i = 0; i < _count; i++)
        {
            var distance = distances[i];
            if (distance <= above || distance > upTo)
            {
                continue;
            }

            // ChunkId holds the slot until exact rescoring turns it back into the chunk's id.
            var score = DotInt8(queryCodes, _codes.AsSpan(i * Dimensions, Dimensions)) * queryScale * _scales[i];
            if (approximate.Count < candidates || score > weakest)
            {
                Offer(approximate, candidates, new VectorMatch(i, score));
                weakest = approximate.Count == candidates ? approximate.Peek().Similarity : float.NegativeInfinity;
            }
        }
    }

    /// <summary>The best <paramref name="limit"/> of the candidates (by slot) by exact similarity, as chunk ids, best first.</summary>
    private VectorMatch[] Rescore(PriorityQueue<VectorMatch, (float, long)> approximate, float[] normalized, int limit, float minSimilarity)
    {
        var exact = new PriorityQueue<VectorMatch, (float, long)>(limit + 1, WeakestFirst.Instance);
        foreach (var (candidate, _) in approximate.UnorderedItems)
        {
            var slot = (int)candidate.ChunkId;
            var similarity = TensorPrimitives.Dot(_vectors.AsSpan(slot * Dimensions, Dimensions), normalized);
            if (similarity >= minSimilarity)
            {
                Offer(exact, limit, new VectorMatch(_ids[slot], similarity));
            }
        }

        return Drain(exact);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hamming(ReadOnlySpan<ulong> a, ReadOnlySpan<ulong> b)
    {
        var distance = 0;
        for (var i = 0; i < a.Length; i++)
        {
            distance += BitOperations.PopCount(a[i] ^ b[i]);
        }

        return distance;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DotInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var ones = Vector256.Create((short)1);
        var accumulator = Vector256<int>.Zero;
        var i = 0;
        for (; i + Vector256<sbyte>.Count <= a.Length; i += Vector256<sbyte>.Count)
        {
            var va = Vector256.LoadUnsafe(ref ra, (nuint)i);
            var vb = Vector256.LoadUnsafe(ref rb, (nuint)i);
            // |a| times b carrying a's sign is a times b, in the unsigned-by-signed form vpmaddubsw multiplies. Codes are
            // in [-127, 127], so a pair of products (at most 2 * 127 * 127) fits in int16 without saturating.
            var pairs = Avx2.MultiplyAddAdjacent(Avx2.Abs(va), Avx2.Sign(vb, va));
            accumulator += Avx2.MultiplyAddAdjacent(pairs, ones);
        }

        var sum = Vector256.Sum(accumulator);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
