using System.Numerics.Tensors;
using ChatCouncil.Memory.Embeddings;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Tests.Embeddings;

public sealed class LexicalEmbeddingGeneratorTests
{
    private static readonly LexicalEmbeddingGenerator Generator = new();

    [Fact]
    public async Task GenerateAsync_SameText_SameUnitVectorWithModelId()
    {
        var embeddings = await Generator.GenerateAsync(["Restart the payments worker", "Restart the payments worker"]);

        Assert.Equal(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
        Assert.Equal(384, embeddings[0].Vector.Length);
        Assert.Equal(1f, TensorPrimitives.Norm(embeddings[0].Vector.Span), 4);
        Assert.Equal(LexicalEmbeddingGenerator.ModelId, embeddings[0].ModelId);
    }

    [Fact]
    public void Embed_KnownText_MatchesPinnedVector()
    {
        // Pinned: a change here changes every stored lexical vector, which would then need re-embedding.
        var vector = Generator.Embed("HELLO, world!");

        Assert.Equal([9, 20, 95, 169, 228, 294, 307, 324, 336, 352, 369, 370], NonZeroBuckets(vector));
        Assert.Equal([-0.15430336f, -0.15430336f, 0.15430336f, 0.15430336f], NonZeroBuckets(vector).Take(4).Select(i => vector[i]));
    }

    [Fact]
    public void Embed_SharedWordsAndStems_ScoreHigherThanUnrelatedText()
    {
        var query = Generator.Embed("deploying the billing service");
        var related = Generator.Embed("how to deploy billing services");
        var unrelated = Generator.Embed("zebras graze on savannah grass");

        Assert.True(TensorPrimitives.Dot(query, related) > 0.3f);
        Assert.True(MathF.Abs(TensorPrimitives.Dot(query, unrelated)) < 0.1f);
    }

    [Fact]
    public void Embed_NoLettersOrDigits_IsZeroVector() => Assert.All(Generator.Embed(" ... !!"), x => Assert.Equal(0f, x));

    [Fact]
    public void GetService_Metadata_NamesModelAndDimensions()
    {
        var metadata = Generator.GetService<EmbeddingGeneratorMetadata>();

        Assert.NotNull(metadata);
        Assert.Equal(LexicalEmbeddingGenerator.ModelId, metadata.DefaultModelId);
        Assert.Equal(384, metadata.DefaultModelDimensions);
    }

    private static int[] NonZeroBuckets(float[] v) => [.. Enumerable.Range(0, v.Length).Where(i => v[i] != 0)];
}
