namespace ChatCouncil.MemoryBench;

/// <summary>
/// Deterministic embedding-like vectors: points scattered around random topic centroids (real embeddings cluster by
/// topic; uniform noise would make every neighbour equally far), L2-normalised.
/// </summary>
internal sealed class SyntheticVectors(int dimensions, int topics, int seed)
{
    private readonly Random _random = new(seed);
    private readonly float[][] _centroids = MakeCentroids(dimensions, topics, new Random(seed ^ 0x5eed));

    public float[] Next(float spread)
    {
        var centroid = _centroids[_random.Next(_centroids.Length)];
        var vector = new float[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            vector[d] = centroid[d] + (spread * Gaussian(_random));
        }

        return Normalize(vector);
    }

    private static float[][] MakeCentroids(int dimensions, int topics, Random random) =>
        [.. Enumerable.Range(0, topics).Select(_ => Normalize([.. Enumerable.Range(0, dimensions).Select(_ => Gaussian(random))]))];

    private static float[] Normalize(float[] v)
    {
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        for (var i = 0; i < v.Length; i++)
        {
            v[i] /= norm;
        }

        return v;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
