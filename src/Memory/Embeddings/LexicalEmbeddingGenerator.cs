using System.Numerics.Tensors;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Embeddings;

/// <summary>
/// A deterministic embedding that needs no model: every lower-cased word and every character trigram of
/// <c>&lt;word&gt;</c> is hashed (64-bit FNV-1a) into one of <see cref="Dimensions"/> buckets with a hash-chosen sign,
/// weighted by <c>1 + ln(count)</c> (words count fully, trigrams a quarter, so shared stems and typos still score),
/// and the sum is L2-normalised. Texts that share words and word pieces get a high cosine; it knows nothing of
/// synonyms. The same text gives the same vector in every process and on every machine. Thread-safe and stateless.
/// </summary>
public sealed class LexicalEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    public const string ModelId = "lexical-v1";
    public const int DefaultDimensions = 384;

    private const float WordWeight = 1f;
    private const float TrigramWeight = 0.25f;
    private const ulong WordSeed = 0xcbf29ce484222325UL;
    private const ulong TrigramSeed = 0x84222325cbf29ce4UL;

    private readonly EmbeddingGeneratorMetadata _metadata;

    public LexicalEmbeddingGenerator(int dimensions = DefaultDimensions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 8);
        Dimensions = dimensions;
        _metadata = new EmbeddingGeneratorMetadata("chatcouncil-lexical", null, ModelId, dimensions);
    }

    public int Dimensions { get; }

    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        var embeddings = new GeneratedEmbeddings<Embedding<float>>();
        foreach (var value in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            embeddings.Add(new Embedding<float>(Embed(value)) { ModelId = ModelId });
        }

        return Task.FromResult(embeddings);
    }

    /// <summary>The vector for one text; all zeros when it has no letters or digits.</summary>
    public float[] Embed(string? text)
    {
        var counts = new Dictionary<(int Bucket, bool Word), float>();
        foreach (var word in Words(text))
        {
            AddFeature(counts, Hash(word, WordSeed), word: true);
            var marked = $"<{word}>";
            for (var i = 0; i + 3 <= marked.Length; i++)
            {
                AddFeature(counts, Hash(marked.AsSpan(i, 3), TrigramSeed), word: false);
            }
        }

        var vector = new float[Dimensions];
        foreach (var ((bucket, isWord), signedCount) in counts)
        {
            // Counts are kept per sign-and-bucket; 1 + ln(count) damps words repeated many times.
            var magnitude = 1f + MathF.Log(MathF.Abs(signedCount));
            vector[bucket % Dimensions] += MathF.CopySign(magnitude * (isWord ? WordWeight : TrigramWeight), signedCount);
        }

        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0)
        {
            TensorPrimitives.Divide(vector, norm, vector);
        }

        return vector;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing to release.
    }

    private void AddFeature(Dictionary<(int Bucket, bool Word), float> counts, ulong hash, bool word)
    {
        var bucket = (int)(hash % (ulong)Dimensions);
        var sign = (hash >> 63) == 0 ? 1f : -1f;
        // Accumulating the signed count per (bucket, kind) keeps the log damping per feature, not per bucket collision.
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, (bucket, word), out _);
        slot += sign;
        if (slot == 0)
        {
            counts.Remove((bucket, word));
        }
    }

    private static IEnumerable<string> Words(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return text[start..i].ToLowerInvariant();
                start = -1;
            }
        }
    }

    private static ulong Hash(ReadOnlySpan<char> text, ulong seed)
    {
        const ulong prime = 0x100000001b3UL;
        var hash = seed;
        foreach (var c in text)
        {
            hash = (hash ^ (byte)c) * prime;
            hash = (hash ^ (byte)(c >> 8)) * prime;
        }

        // FNV's high bits mix poorly; a final avalanche (from SplitMix64) spreads them before bucket and sign are taken.
        hash ^= hash >> 30;
        hash *= 0xbf58476d1ce4e5b9UL;
        hash ^= hash >> 27;
        hash *= 0x94d049bb133111ebUL;
        return hash ^ (hash >> 31);
    }
}
