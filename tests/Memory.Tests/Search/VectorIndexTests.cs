using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Tests.Search;

public sealed class VectorIndexTests
{
    private static readonly IndexedDocument Doc = new("d", MemoryTags.Empty);

    [Fact]
    public void Search_ReturnsNearestByCosineBestFirst()
    {
        using var index = new VectorIndex(3);
        index.Add(1, [1, 0, 0], Doc);
        index.Add(2, [10, 10, 0], Doc);
        index.Add(3, [0, 0, 5], Doc);

        var matches = index.Search([1, 0.2f, 0], 2);

        Assert.Equal([1L, 2], matches.Select(m => m.ChunkId));
        Assert.Equal(1 / MathF.Sqrt(1.04f), matches[0].Similarity, 5);
    }

    [Fact]
    public void Search_MatchesBruteForceOnRandomVectors()
    {
        var random = new Random(42);
        using var index = new VectorIndex(16);
        var vectors = new Dictionary<long, float[]>();
        for (long id = 0; id < 500; id++)
        {
            vectors[id] = [.. Enumerable.Range(0, 16).Select(_ => (float)random.NextDouble() - 0.5f)];
            index.Add(id, vectors[id], Doc);
        }

        index.Remove([3, 17, 250]);
        float[] query = [.. Enumerable.Range(0, 16).Select(_ => (float)random.NextDouble() - 0.5f)];

        var expected = vectors.Where(v => v.Key is not (3 or 17 or 250))
            .OrderByDescending(v => Cosine(v.Value, query)).ThenBy(v => v.Key).Take(10).Select(v => v.Key);
        Assert.Equal(expected, index.Search(query, 10).Select(m => m.ChunkId));
        Assert.Equal(497, index.Count);
    }

    [Fact]
    public void Search_WithFilterAndFloor_SkipsRejectedEntries()
    {
        using var index = new VectorIndex(2);
        index.Add(1, [1, 0], new IndexedDocument("slack", new MemoryTags { Platform = "slack" }));
        index.Add(2, [1, 0.1f], new IndexedDocument("discord", new MemoryTags { Platform = "discord" }));
        index.Add(3, [0, 1], new IndexedDocument("slack2", new MemoryTags { Platform = "slack" }));

        var slack = index.Search([1, 0], 10, d => d.Tags.Platform == "slack", minSimilarity: 0.5f);

        Assert.Equal(1, Assert.Single(slack).ChunkId);
    }

    [Fact]
    public void Add_SameIdTwice_ReplacesTheVector()
    {
        using var index = new VectorIndex(2);
        index.Add(1, [1, 0], Doc);
        index.Add(1, [0, 1], Doc);

        Assert.Equal(1, index.Count);
        Assert.Equal(1f, index.Search([0, 1], 1)[0].Similarity, 5);
    }

    [Fact]
    public void Add_WrongDimensions_Throws()
    {
        using var index = new VectorIndex(3);
        Assert.Throws<ArgumentException>(() => index.Add(1, [1, 2], Doc));
        Assert.Throws<ArgumentException>(() => index.Search([1, 2], 1));
    }

    [Fact]
    public void Search_LargeIndex_QuantizedScanKeepsRecallAt10()
    {
        var random = new Random(3);
        using var index = new VectorIndex(384, VectorIndex.QuantizedFrom);
        for (var id = 0; id < VectorIndex.QuantizedFrom; id++)
        {
            index.Add(id, RandomVector(random, 384), Doc);
        }

        var found = 0;
        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 384);
            var exact = index.SearchExact(query, 10).Select(m => m.ChunkId).ToHashSet();
            var quantized = index.Search(query, 10);
            found += quantized.Count(m => exact.Contains(m.ChunkId));
            Assert.True(quantized.Zip(quantized.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
        }

        Assert.True(found >= 0.95 * 200, $"recall@10 was {found / 200.0}");
    }

    [Fact]
    public void Search_UniformNoiseWhereSignBitsRankPoorly_WidensTheShortlistToKeepRecall()
    {
        // Uniform random vectors are the worst case for sign bits: at 100k the first shortlist alone finds about 0.92 of
        // the true top 10, so this passes only if the widening pass scores what it missed.
        var random = new Random(5);
        using var index = new VectorIndex(384, 100_000);
        for (var id = 0; id < 100_000; id++)
        {
            index.Add(id, RandomVector(random, 384), Doc);
        }

        var found = 0;
        for (var q = 0; q < 10; q++)
        {
            var query = RandomVector(random, 384);
            var exact = index.SearchExact(query, 10).Select(m => m.ChunkId).ToHashSet();
            found += index.Search(query, 10).Count(m => exact.Contains(m.ChunkId));
        }

        Assert.True(found >= 0.98 * 100, $"recall@10 was {found / 100.0}");
    }

    [Theory]
    [InlineData(100)] // fewer entries pass than the sign-bit shortlist holds
    [InlineData(2)]
    public void Search_LargeIndexWithFilter_ReturnsOnlyMatchingEntriesAndKeepsRecall(int oneIn)
    {
        var random = new Random(oneIn);
        var kept = new IndexedDocument("kept", MemoryTags.Empty);
        using var index = new VectorIndex(384, VectorIndex.QuantizedFrom);
        for (var id = 0; id < VectorIndex.QuantizedFrom; id++)
        {
            index.Add(id, RandomVector(random, 384), id % oneIn == 0 ? kept : Doc);
        }

        var found = 0;
        for (var q = 0; q < 20; q++)
        {
            var query = RandomVector(random, 384);
            var exact = index.SearchExact(query, 10, d => d == kept).Select(m => m.ChunkId).ToHashSet();
            var quantized = index.Search(query, 10, d => d == kept);
            Assert.Equal(10, quantized.Count);
            Assert.All(quantized, m => Assert.Equal(0, m.ChunkId % oneIn));
            found += quantized.Count(m => exact.Contains(m.ChunkId));
        }

        Assert.True(found >= 0.95 * 200, $"recall@10 was {found / 200.0}");
    }

    [Fact]
    public void Quantize_NegativeLargestComponent_KeepsTheVector()
    {
        var codes = new sbyte[3];

        VectorIndex.Quantize([-0.8f, 0.4f, 0.1f], codes, out var scale);

        Assert.Equal([-127, 64, 16], codes.Select(c => (int)c));
        Assert.Equal(0.8f / 127, scale, 6);
    }

    [Theory]
    [InlineData(384)]
    [InlineData(37)]
    [InlineData(64)]
    public void DotInt8_ExtremeAndRandomCodes_EqualsTheScalarDotProduct(int length)
    {
        var random = new Random(length);
        var a = new sbyte[length];
        var b = new sbyte[length];
        for (var i = 0; i < length; i++)
        {
            // The ends of the code range first (where a saturating int16 sum would show), random codes after.
            (a[i], b[i]) = i < 8 ? ((sbyte)(i % 2 == 0 ? 127 : -127), (sbyte)(i % 4 < 2 ? 127 : -127)) : ((sbyte)random.Next(-127, 128), (sbyte)random.Next(-127, 128));
        }

        Assert.Equal(a.Zip(b, (x, y) => x * y).Sum(), VectorIndex.DotInt8(a, b));
    }

    private static float[] RandomVector(Random random, int dimensions) =>
        [.. Enumerable.Range(0, dimensions).Select(_ => (float)random.NextDouble() - 0.5f)];

    private static float Cosine(float[] a, float[] b) =>
        a.Zip(b, (x, y) => x * y).Sum() / MathF.Sqrt(a.Sum(x => x * x) * b.Sum(x => x * x));
}
