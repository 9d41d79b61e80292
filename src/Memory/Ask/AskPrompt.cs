using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ChatCouncil.Memory.Search;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Ask;

/// <summary>The grounded-answer prompt: numbered sources, an instruction to cite them as [n], and the question.</summary>
public static partial class AskPrompt
{
    public const string SystemText =
        "You answer questions using only the numbered sources you are given. Cite every source you use by its number in " +
        "square brackets, like [1] or [2][3]. If the sources do not contain the answer, say that you do not know.";

    public static IList<ChatMessage> Build(string question, IReadOnlyList<MemorySearchHit> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var user = new StringBuilder("Sources:\n");
        for (var i = 0; i < sources.Count; i++)
        {
            var title = sources[i].Title ?? sources[i].DocumentId;
            user.Append(CultureInfo.InvariantCulture, $"[{i + 1}] ({title}) {sources[i].Text}\n");
        }

        user.Append(CultureInfo.InvariantCulture, $"\nQuestion: {question}");
        return [new ChatMessage(ChatRole.System, SystemText), new ChatMessage(ChatRole.User, user.ToString())];
    }

    /// <summary>The source numbers the answer cites, within 1..<paramref name="sourceCount"/>.</summary>
    public static IReadOnlySet<int> CitedNumbers(string answer, int sourceCount)
    {
        var cited = new HashSet<int>();
        foreach (Match match in Citation().Matches(answer ?? string.Empty))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= sourceCount)
            {
                cited.Add(n);
            }
        }

        return cited;
    }

    [GeneratedRegex(@"\[(\d{1,3})\]")]
    private static partial Regex Citation();
}
