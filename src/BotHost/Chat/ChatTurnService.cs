using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using ChatCouncil.BotHost.History;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.AI;

namespace ChatCouncil.BotHost.Chat;

/// <summary>
/// One turn of a stored conversation: saves the user's message, sends the whole history to the
/// chat model (the engine reuses the cached prefix), streams the answer and saves it with its
/// model, token counts and latency. A cancelled turn still saves what was said.
/// </summary>
public sealed class ChatTurnService(IChatClient chat, IChatHistoryStore history)
{
    public async IAsyncEnumerable<ChatTurnEvent> RunAsync(
        Guid conversationId, string userText, GenerationParameters parameters, string? modelId,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var past = await history.ListMessagesAsync(conversationId, cancellationToken);
        var messages = past.Select(m => new ChatMessage(new ChatRole(MessageRoleText.ToText(m.Role)), m.Content)).ToList();
        messages.Add(new ChatMessage(ChatRole.User, userText));
        var options = parameters.ToChatOptions(modelId, conversationId.ToString("N"));

        // Starting the stream validates the request (model, grammar, prompt length) before anything is stored.
        var clock = Stopwatch.StartNew();
        var (stream, hasFirst) = await StartAsync(messages, options, cancellationToken);
        var text = new StringBuilder();
        UsageDetails? usage = null;
        string? finish = null;
        string? answeredBy = null;
        var cancelled = false;
        try
        {
            await history.AppendMessageAsync(conversationId, new NewHistoryMessage(MessageRole.User, userText), CancellationToken.None);
            for (var more = hasFirst; more;)
            {
                var update = stream.Current;
                answeredBy ??= update.ModelId;
                finish = update.FinishReason?.Value ?? finish;
                usage = update.Contents.OfType<UsageContent>().FirstOrDefault()?.Details ?? usage;
                if (update.Text.Length > 0)
                {
                    text.Append(update.Text);
                    yield return new ChatTurnToken(update.Text);
                }

                try
                {
                    more = await stream.MoveNextAsync();
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    more = false;
                }
            }
        }
        finally
        {
            await stream.DisposeAsync();
        }

        var completion = new ChatTurnCompleted(
            conversationId,
            answeredBy ?? modelId ?? "unknown",
            text.ToString(),
            cancelled || usage?.AdditionalCounts?.GetValueOrDefault("cancelled") == 1 ? "cancelled" : finish ?? "stop",
            (int)(usage?.InputTokenCount ?? 0),
            (int)(usage?.OutputTokenCount ?? 0),
            (int)(usage?.CachedInputTokenCount ?? 0),
            (int)clock.ElapsedMilliseconds);
        await history.AppendMessageAsync(conversationId, new NewHistoryMessage(
            MessageRole.Assistant, completion.Text, completion.ModelId, completion.PromptTokens, completion.CompletionTokens, completion.LatencyMs), CancellationToken.None);
        yield return completion;
    }

    /// <summary>
    /// Starts the answer. When the history no longer fits the model's context, the oldest half of it
    /// is left out and the start retried, so a long conversation keeps working (the stored history
    /// stays complete).
    /// </summary>
    private async Task<(IAsyncEnumerator<ChatResponseUpdate> Stream, bool HasFirst)> StartAsync(
        List<ChatMessage> messages, ChatOptions options, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stream = chat.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            try
            {
                return (stream, await stream.MoveNextAsync());
            }
            catch (PromptTooLongException) when (messages.Count > 1)
            {
                await stream.DisposeAsync();
                messages.RemoveRange(0, Math.Max(1, (messages.Count - 1) / 2));
            }
            catch
            {
                await stream.DisposeAsync();
                throw;
            }
        }
    }
}
