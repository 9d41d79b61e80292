using System.Text;
using ChatCouncil.BotHost.Chat;
using ChatCouncil.BotHost.History;
using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Inbox;

/// <summary>
/// Answers any turn with the default chat model and the thread's stored history: finds (or starts) the stored
/// conversation of the turn's thread and runs one chat turn in it. The inbox's fallback: it takes what no registered
/// <see cref="ITurnHandler"/> takes. The answer streams to the platform as the model writes it.
/// Thread-safe.
/// </summary>
internal sealed class ChatModelTurnHandler(IInboxStore store, IChatHistoryStore history, ChatTurnService chat, IOptions<InboxOptions> options)
    : ITurnHandler
{
    public bool Takes(ConversationTurn turn) => true;

    public async Task<string> AnswerAsync(ClaimedTurn claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var turn = claimed.Turn;
        var conversationId = await ResolveConversationAsync(turn, cancellationToken);
        var settings = options.Value;
        // A bare command (Discord "/help") has no text of its own: the command's name is the question.
        var prompt = turn.Text.Length > 0 ? turn.Text : turn.ReplyContext.GetValueOrDefault("command") ?? turn.Kind.ToString();
        var soFar = new StringBuilder();
        await foreach (var step in chat.RunAsync(conversationId, prompt, new GenerationParameters { MaxTokens = settings.ReplyMaxTokens },
            settings.ModelId, cancellationToken))
        {
            switch (step)
            {
                case ChatTurnToken token:
                    await claimed.Progress.UpdateAsync(soFar.Append(token.Text).ToString(), cancellationToken);
                    break;
                case ChatTurnCompleted completed:
                    return completed.Text;
            }
        }

        throw new InvalidOperationException("The chat model ended the turn without an answer.");
    }

    private async Task<Guid> ResolveConversationAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        if (await store.FindConversationAsync(turn.Key, cancellationToken) is { } existing)
        {
            return existing;
        }

        var title = turn.Text.Length > 80 ? turn.Text[..80] : turn.Text;
        var source = $"{InboxKeys.Platform(turn.Key.Platform)}:{turn.Key.Channel}";
        var created = await history.CreateConversationAsync(title, source.Length > 200 ? source[..200] : source, cancellationToken);
        return await store.LinkConversationAsync(turn.Key, created.Id, cancellationToken);
    }
}
