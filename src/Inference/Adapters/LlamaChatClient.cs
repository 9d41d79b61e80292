using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Adapters;

/// <summary>
/// <see cref="IChatClient"/> over one local model's <see cref="GenerationScheduler"/>. Thread-safe:
/// concurrent calls are batched by the scheduler. The model's chat template renders the messages.
/// </summary>
public sealed class LlamaChatClient(string modelId, GenerationScheduler scheduler, Func<JsonElement?, string> jsonGrammar) : IChatClient
{
    private readonly ChatClientMetadata _metadata = new("llama.cpp", null, modelId);

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var turns = new List<(string Role, string Content)>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            turns.Add(("system", options.Instructions));
        }

        turns.AddRange(messages.Select(m => (m.Role.Value, m.Text)));
        var prompt = scheduler.Model.ApplyChatTemplate(turns, addAssistantPrefix: true);
        var request = ChatOptionsMapper.ToRequest(prompt, options, jsonGrammar);
        var responseId = Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;

        await foreach (var chunk in scheduler.GenerateAsync(request, cancellationToken).ConfigureAwait(false))
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Text)
            {
                ModelId = modelId,
                ResponseId = responseId,
                MessageId = responseId,
                ConversationId = options?.ConversationId,
                CreatedAt = created,
            };
            if (chunk.Summary is { } summary)
            {
                update.FinishReason = summary.FinishReason switch
                {
                    FinishReason.Length => ChatFinishReason.Length,
                    _ => ChatFinishReason.Stop,
                };
                update.Contents.Add(new UsageContent(ToUsage(summary)));
            }

            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(scheduler) ? scheduler
            : null;
    }

    public void Dispose()
    {
        // The scheduler belongs to the model registry, which frees it when the model is unloaded.
    }

    internal static UsageDetails ToUsage(GenerationSummary summary) => new()
    {
        InputTokenCount = summary.PromptTokens,
        OutputTokenCount = summary.CompletionTokens,
        TotalTokenCount = summary.PromptTokens + summary.CompletionTokens,
        CachedInputTokenCount = summary.ReusedPromptTokens,
        AdditionalCounts = new AdditionalPropertiesDictionary<long>
        {
            ["time_to_first_token_ms"] = (long)summary.TimeToFirstToken.TotalMilliseconds,
            ["duration_ms"] = (long)summary.Elapsed.TotalMilliseconds,
            ["cancelled"] = summary.FinishReason == FinishReason.Cancelled ? 1 : 0,
        },
    };
}
