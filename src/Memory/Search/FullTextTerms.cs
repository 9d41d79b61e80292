using System.Text;

namespace ChatCouncil.Memory.Search;

/// <summary>
/// Turns free text into the words a full-text index is asked about: lower-case runs of letters and digits, de-duplicated,
/// at most <see cref="MaxTerms"/>. Only letters and digits survive, so no query syntax of either database can be injected.
/// </summary>
public static class FullTextTerms
{
    public const int MaxTerms = 32;

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

            if (word.Length > 0 && seen.Add(word.ToString()))
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
