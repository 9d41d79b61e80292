using System.Text;

namespace ChatCouncil.Memory.Ingestion;

/// <summary>
/// Splits a stream of text blocks (paragraphs, lines) into chunks of at most <see cref="ChunkingOptions.ChunkTokens"/>
/// estimated tokens, each starting with the last <see cref="ChunkingOptions.OverlapTokens"/> tokens of the one before.
/// Streaming: it holds one chunk's words and one block at a time, whatever the document's size. Words are kept whole
/// (split only past <see cref="TokenEstimate.MaxWordLength"/> characters); block boundaries become line breaks.
/// </summary>
public sealed class TextChunker
{
    private readonly ChunkingOptions _options;

    public TextChunker(ChunkingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
    }

    public async IAsyncEnumerable<string> ChunkAsync(IAsyncEnumerable<string> blocks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var window = new List<Word>();
        var tokens = 0;
        var fresh = 0; // words in the window that no emitted chunk has carried yet
        await foreach (var block in blocks.WithCancellation(cancellationToken))
        {
            var newBlock = true;
            foreach (var piece in Pieces(block))
            {
                var word = new Word(piece, TokenEstimate.OfWord(piece.Length), newBlock);
                newBlock = false;
                if (tokens + word.Tokens > _options.ChunkTokens && fresh > 0)
                {
                    yield return Join(window);
                    tokens = KeepOverlap(window);
                    fresh = 0;
                }

                window.Add(word);
                tokens += word.Tokens;
                fresh++;
            }
        }

        if (fresh > 0)
        {
            yield return Join(window);
        }
    }

    /// <summary>Drops words from the front until only the overlap remains; returns the tokens left.</summary>
    private int KeepOverlap(List<Word> window)
    {
        var kept = 0;
        var start = window.Count;
        while (start > 0 && kept + window[start - 1].Tokens <= _options.OverlapTokens)
        {
            kept += window[--start].Tokens;
        }

        window.RemoveRange(0, start);
        return kept;
    }

    private static string Join(List<Word> window)
    {
        var text = new StringBuilder();
        foreach (var word in window)
        {
            if (text.Length > 0)
            {
                text.Append(word.StartsBlock ? '\n' : ' ');
            }

            text.Append(word.Text);
        }

        return text.ToString();
    }

    private static IEnumerable<string> Pieces(string block)
    {
        foreach (var word in block.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i < word.Length; i += TokenEstimate.MaxWordLength)
            {
                yield return word.Substring(i, Math.Min(TokenEstimate.MaxWordLength, word.Length - i));
            }
        }
    }

    private readonly record struct Word(string Text, int Tokens, bool StartsBlock);
}
