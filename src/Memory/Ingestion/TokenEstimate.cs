namespace ChatCouncil.Memory.Ingestion;

/// <summary>
/// A tokenizer-free token estimate, deterministic and independent of any model: a whitespace-separated word of up to
/// 8 characters is one token, longer words one token per 8 characters (rounded up). For English prose this is within
/// about 25% of BPE tokenizers, which is what chunk sizing needs; it is never used to enforce a model's context limit.
/// </summary>
public static class TokenEstimate
{
    public const int CharactersPerToken = 8;

    /// <summary>Words longer than this are split, so one pathological "word" (base64, a minified line) cannot fill a chunk.</summary>
    public const int MaxWordLength = 64;

    public static int OfWord(int length) => Math.Max(1, (length + CharactersPerToken - 1) / CharactersPerToken);

    /// <summary>The estimate for a text, counting long words piece by piece as the chunker splits them.</summary>
    public static int Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = 0;
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            for (var i = 0; i < word.Length; i += MaxWordLength)
            {
                tokens += OfWord(Math.Min(MaxWordLength, word.Length - i));
            }
        }

        return tokens;
    }
}
