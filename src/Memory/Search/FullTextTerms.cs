using System.Text;

namespace ChatCouncil.Memory.Search;

/// <summary>
/// Turns free text into the words a full-text index is asked about: lower-case runs of letters and digits, de-duplicated,
/// at most <see cref="MaxTerms"/>, without common English function words (each matches nearly every chunk, so with OR
/// semantics it would make the database rank the whole namespace while adding nothing; vector search still sees them).
/// Only letters and digits survive, so no query syntax of either database can be injected.
/// </summary>
public static class FullTextTerms
{
    public const int MaxTerms = 32;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "do", "does", "for", "from", "has", "have", "how", "i", "if",
        "in", "is", "it", "its", "me", "my", "of", "on", "or", "so", "that", "the", "their", "there", "this", "to", "was",
        "we", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
    };

    public static IReadOnlyList<string> From(string? text)
    {
        var terms = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return terms;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text.Append(' '))
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (word.Length > 0 && !StopWords.Contains(word.ToString()) && seen.Add(word.ToString()))
            {
                terms.Add(word.ToString());
                if (terms.Count == MaxTerms)
                {
                    break;
                }
            }

            word.Clear();
        }

        return terms;
    }
}
