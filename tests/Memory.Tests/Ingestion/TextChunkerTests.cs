using ChatCouncil.Memory.Ingestion;

namespace ChatCouncil.Memory.Tests.Ingestion;

public sealed class TextChunkerTests
{
    [Fact]
    public async Task ChunkAsync_LongText_ChunksWithinLimitAndOverlapping()
    {
        var chunker = new TextChunker(new ChunkingOptions { ChunkTokens = 20, OverlapTokens = 5 });
        var words = Enumerable.Range(0, 100).Select(i => $"w{i}").ToArray();

        var chunks = await ToListAsync(chunker.ChunkAsync(Blocks(string.Join(' ', words))));

        Assert.All(chunks, c => Assert.True(TokenEstimate.Of(c) <= 20));
        Assert.Equal("w0", chunks[0].Split(' ')[0]);
        Assert.Equal("w99", chunks[^1].Split(' ')[^1]);
        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.Equal(previous.Split(' ')[^5..], next.Split(' ')[..5]);
        }

        // Every word appears, in order, once overlaps are removed.
        var rebuilt = chunks[0].Split(' ').Concat(chunks.Skip(1).SelectMany(c => c.Split(' ')[5..]));
        Assert.Equal(words, rebuilt);
    }

    [Fact]
    public async Task ChunkAsync_ShortText_OneChunkWithBlocksAsLines()
    {
        var chunker = new TextChunker(new ChunkingOptions());

        var chunks = await ToListAsync(chunker.ChunkAsync(Blocks("# Title", "first   paragraph", "second")));

        Assert.Equal("# Title\nfirst paragraph\nsecond", Assert.Single(chunks));
    }

    [Fact]
    public async Task ChunkAsync_NoWords_NoChunks()
    {
        var chunker = new TextChunker(new ChunkingOptions());
        Assert.Empty(await ToListAsync(chunker.ChunkAsync(Blocks("   ", "\n\t"))));
    }

    [Fact]
    public async Task ChunkAsync_HugeWord_IsSplitIntoPieces()
    {
        var chunker = new TextChunker(new ChunkingOptions { ChunkTokens = 16, OverlapTokens = 0 });

        var chunks = await ToListAsync(chunker.ChunkAsync(Blocks(new string('x', 1000))));

        Assert.Equal(1000, chunks.Sum(c => c.Replace(" ", string.Empty, StringComparison.Ordinal).Length));
        Assert.All(chunks, c => Assert.True(TokenEstimate.Of(c) <= 16));
    }

    [Fact]
    public void Constructor_OverlapNotSmallerThanChunk_Throws() =>
        Assert.Throws<ArgumentException>(() => new TextChunker(new ChunkingOptions { ChunkTokens = 20, OverlapTokens = 20 }));

    [Theory]
    [InlineData("a bb ccc", 3)]
    [InlineData("abcdefgh", 1)]
    [InlineData("abcdefghi", 2)]
    [InlineData("", 0)]
    public void TokenEstimate_Of_CountsWordsAndLongWordPieces(string text, int expected) => Assert.Equal(expected, TokenEstimate.Of(text));

    private static async IAsyncEnumerable<string> Blocks(params string[] blocks)
    {
        foreach (var block in blocks)
        {
            await Task.Yield();
            yield return block;
        }
    }

    private static async Task<List<string>> ToListAsync(IAsyncEnumerable<string> source)
    {
        var list = new List<string>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
