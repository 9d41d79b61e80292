using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Numerics.Tensors;

namespace ChatCouncil.Memory.Search;

public sealed partial class VectorIndex
{
    /// <summary>
    /// From this many vectors on, searches scan the int8 codes (a quarter of the memory traffic of float32) on every core,
    /// keep the best <see cref="RescoreFactor"/>× the asked-for candidates, and rescore those with the exact float vectors.
    /// Smaller indexes are scanned exactly: there the float scan is already fast.
    /// </summary>
    public const int QuantizedFrom = 20_000;

    /// <summary>Candidates kept per result asked for, before exact rescoring; at least 64.</summary>
    public const int RescoreFactor = 8;

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

    private VectorMatch[] SearchQuantized(float[] normalized, int limit, Func<IndexedDocument, bool>? filter, float minSimilarity)
    {
        var queryCodes = new sbyte[Dimensions];
        Quantize(normalized, queryCodes, out var queryScale);
        var candidates = Math.Max(64, limit * RescoreFactor);
        var partitions = Math.Clamp(Environment.ProcessorCount, 1, 8);
        var perPartition = (_count + partitions - 1) / partitions;
        var heaps = new PriorityQueue<VectorMatch, (float, long)>[partitions];
        Parallel.For(0, partitions, p =>
        {
            var heap = new PriorityQueue<VectorMatch, (float, long)>(candidates + 1, WeakestFirst.Instance);
            var end = Math.Min(_count, (p + 1) * perPartition);
            for (var i = p * perPartition; i < end; i++)
            {
                if (filter is not null && !filter(_documents[i]))
                {
                    continue;
                }

                var approximate = DotInt8(queryCodes, _codes.AsSpan(i * Dimensions, Dimensions)) * queryScale * _scales[i];
                Offer(heap, candidates, new VectorMatch(i, approximate));
            }

            heaps[p] = heap;
        });

        // ChunkId holds the slot during the scan; rescoring turns it back into the chunk's id.
        var exact = new PriorityQueue<VectorMatch, (float, long)>(limit + 1, WeakestFirst.Instance);
        foreach (var heap in heaps)
        {
            while (heap.TryDequeue(out var candidate, out _))
            {
                var slot = (int)candidate.ChunkId;
                var similarity = TensorPrimitives.Dot(_vectors.AsSpan(slot * Dimensions, Dimensions), normalized);
                if (similarity >= minSimilarity)
                {
                    Offer(exact, limit, new VectorMatch(_ids[slot], similarity));
                }
            }
        }

        return Drain(exact);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int DotInt8(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        ref var ra = ref MemoryMarshal.GetReference(a);
        ref var rb = ref MemoryMarshal.GetReference(b);
        var accumulator = Vector256<int>.Zero;
        var i = 0;
        for (; i + Vector256<sbyte>.Count <= a.Length; i += Vector256<sbyte>.Count)
        {
            var (aLow, aHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref ra, (nuint)i));
            var (bLow, bHigh) = Vector256.Widen(Vector256.LoadUnsafe(ref rb, (nuint)i));
            // Products of two int8 codes fit in int16 and pairs of them in int32, so nothing saturates.
            accumulator += Avx2.MultiplyAddAdjacent(aLow, bLow) + Avx2.MultiplyAddAdjacent(aHigh, bHigh);
        }

        var sum = Vector256.Sum(accumulator);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
