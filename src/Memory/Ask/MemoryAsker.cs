using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Search;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Memory.Ask;

/// <summary>
/// Ask: retrieve the best chunks of a namespace, have the chat model answer from them alone, and return the answer
/// with its citations (document, chunk, link). Thread-safe when the chat client is.
/// </summary>
public sealed class MemoryAsker(MemorySearcher searcher, IChatClient chat)
{
    public const string NothingFound = "I found nothing in memory about that.";
    private const int SnippetLength = 240;

    public async Task<MemoryAnswer> AskAsync(
        MemoryNamespace ns, string question, MemoryFilter? filter, int sources, double minRelevance, ChatOptions? options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(question);
        var hits = await searcher.SearchAsync(ns, question, filter, sources, minRelevance, cancellationToken);
        if (hits.Count == 0)
        {
            return new MemoryAnswer(NothingFound, [], null);
        }

        var response = await chat.GetResponseAsync(AskPrompt.Build(question, hits), options, cancellationToken);
        var cited = AskPrompt.CitedNumbers(response.Text, hits.Count);
        var citations = hits.Select((h, i) => new MemoryCitation(
            i + 1, h.DocumentId, h.ChunkIndex, h.Title, h.Link, Snippet(h.Text), h.Score, cited.Contains(i + 1)));
        return new MemoryAnswer(response.Text, [.. citations], response.ModelId);
    }

    private static string Snippet(string text) => text.Length <= SnippetLength ? text : text[..(SnippetLength - 1)] + "…";
}
