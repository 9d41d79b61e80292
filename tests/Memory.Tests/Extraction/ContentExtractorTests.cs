using System.Text;
using ChatCouncil.Memory.Extraction;

namespace ChatCouncil.Memory.Tests.Extraction;

public sealed class ContentExtractorTests
{
    [Fact]
    public async Task Markdown_DropsMarkupKeepsText()
    {
        var blocks = await ExtractAsync("text/markdown; charset=utf-8", "# Deploys\n\nUse **blue/green** with [the runbook](https://wiki/r).\n\n- step one\n- step two\n");

        Assert.Contains("Deploys", blocks);
        Assert.Contains("Use blue/green with the runbook.", blocks);
        Assert.Contains("step two", blocks);
        Assert.DoesNotContain(blocks, b => b.Contains("**", StringComparison.Ordinal) || b.Contains("https://", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Html_BlocksSeparatedScriptsAndStylesDropped()
    {
        var blocks = await ExtractAsync("text/html", """
            <html><head><title>T</title><style>p{color:red}</style></head>
            <body><h1>On-call</h1><p>Page the <b>primary</b> first.</p><script>alert(1)</script><ul><li>then secondary</li></ul></body></html>
            """);

        Assert.Equal(["On-call", "Page the primary first.", "then secondary"], blocks);
    }

    [Fact]
    public async Task Json_OneLinePerScalarWithPath()
    {
        var blocks = await ExtractAsync("application/json", """{"service":{"name":"billing","replicas":3},"owners":["ada","lin"],"empty":null}""");

        Assert.Equal(["service.name: billing", "service.replicas: 3", "owners[0]: ada", "owners[1]: lin"], blocks);
    }

    [Fact]
    public async Task Json_Invalid_ThrowsInvalidDocument() =>
        await Assert.ThrowsAsync<InvalidDocumentException>(() => ExtractAsync("application/json", "{not json"));

    [Fact]
    public async Task Transcript_TurnsBecomeAuthorLines()
    {
        var blocks = await ExtractAsync(ChatTranscriptExtractor.ContentType, """
            [{"author":"ada","text":"is billing down?","time":"2026-01-02T03:04:05Z"},{"text":"  "},{"author":"bot","text":"yes, since 03:00"}]
            """);

        Assert.Equal(["[2026-01-02T03:04:05Z] ada: is billing down?", "bot: yes, since 03:00"], blocks);
    }

    [Fact]
    public async Task Transcript_NotAnArray_ThrowsInvalidDocument() =>
        await Assert.ThrowsAsync<InvalidDocumentException>(() => ExtractAsync(ChatTranscriptExtractor.ContentType, """{"text":"x"}"""));

    [Fact]
    public async Task PlainText_Lines_OneBlockPerNonBlankLine()
    {
        var blocks = await ExtractAsync("text/plain", "first line\r\n\n  second line  \nthird");

        Assert.Equal(["first line", "second line", "third"], blocks);
    }

    [Fact]
    public async Task PlainText_OneHugeLine_CutAtWhitespaceWithoutLosingWords()
    {
        var text = string.Join(' ', Enumerable.Range(0, 30_000).Select(i => $"word{i}"));

        var blocks = await ExtractAsync("text/plain", text);

        Assert.True(blocks.Count > 1);
        Assert.All(blocks, b => Assert.True(b.Length <= PlainTextExtractor.MaxLineLength + 16 * 1024));
        Assert.Equal(text.Split(' '), blocks.SelectMany(b => b.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    [InlineData("not a type")]
    [InlineData(null)]
    public void For_UnsupportedType_ThrowsListingSupportedOnes(string? contentType)
    {
        var error = Assert.Throws<UnsupportedContentTypeException>(() => ContentExtractors.Default.For(contentType));
        Assert.Contains("text/markdown", error.Message, StringComparison.Ordinal);
    }

    private static async Task<List<string>> ExtractAsync(string contentType, string content)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var blocks = new List<string>();
        await foreach (var block in ContentExtractors.Default.For(contentType).ExtractAsync(stream, CancellationToken.None))
        {
            blocks.Add(block);
        }

        return blocks;
    }
}
