using System.ClientModel;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using AiChatMessage = Microsoft.Extensions.AI.ChatMessage;
using AiFinishReason = Microsoft.Extensions.AI.ChatFinishReason;
using OaiChatMessage = OpenAI.Chat.ChatMessage;

namespace ChatCouncil.Inference.Adapters;

/// <summary>
/// <see cref="IChatClient"/> over an OpenAI-compatible server (llama-server, vLLM, Ollama) through the
/// OpenAI package. Thread-safe.
/// </summary>
public sealed class OpenAiCompatibleChatClient : IChatClient
{
    private readonly ChatClient _client;
    private readonly string _model;
    private readonly ChatClientMetadata _metadata;

    public OpenAiCompatibleChatClient(Uri endpoint, string model, string? apiKey)
    {
        _model = model;
        // OpenAI's client requires a credential even for servers that ignore it.
        _client = new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "unused" : apiKey), new OpenAIClientOptions { Endpoint = endpoint });
        _metadata = new ChatClientMetadata("openai-compatible", endpoint, model);
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<AiChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<AiChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var converted = new List<OaiChatMessage>();
        if (!string.IsNullOrEmpty(options?.Instructions))
        {
            converted.Add(new SystemChatMessage(options.Instructions));
        }

        converted.AddRange(messages.Select(Convert));
        var completionOptions = new ChatCompletionOptions
        {
            Temperature = options?.Temperature,
            TopP = options?.TopP,
            MaxOutputTokenCount = options?.MaxOutputTokens,
            FrequencyPenalty = options?.FrequencyPenalty,
            PresencePenalty = options?.PresencePenalty,
        };
        foreach (var stop in options?.StopSequences ?? [])
        {
            completionOptions.StopSequences.Add(stop);
        }

        if (options?.ResponseFormat is ChatResponseFormatJson json)
        {
            completionOptions.ResponseFormat = json.Schema is { } schema
                ? OpenAI.Chat.ChatResponseFormat.CreateJsonSchemaFormat(json.SchemaName ?? "response", BinaryData.FromString(schema.GetRawText()))
                : OpenAI.Chat.ChatResponseFormat.CreateJsonObjectFormat();
        }

        await foreach (var update in _client.CompleteChatStreamingAsync(converted, completionOptions, cancellationToken).ConfigureAwait(false))
        {
            var result = new ChatResponseUpdate(ChatRole.Assistant, string.Concat(update.ContentUpdate.Select(p => p.Text)))
            {
                ModelId = update.Model ?? _model,
                ResponseId = update.CompletionId,
                MessageId = update.CompletionId,
                ConversationId = options?.ConversationId,
                CreatedAt = update.CreatedAt,
            };
            if (update.FinishReason is { } finish)
            {
                result.FinishReason = finish == OpenAI.Chat.ChatFinishReason.Length ? AiFinishReason.Length : AiFinishReason.Stop;
            }

            if (update.Usage is { } usage)
            {
                result.Contents.Add(new UsageContent(new UsageDetails
                {
                    InputTokenCount = usage.InputTokenCount,
                    OutputTokenCount = usage.OutputTokenCount,
                    TotalTokenCount = usage.TotalTokenCount,
                }));
            }

            yield return result;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // ChatClient holds no unmanaged resources of its own.
    }

    private static OaiChatMessage Convert(AiChatMessage message) => message.Role.Value switch
    {
        "system" => new SystemChatMessage(message.Text),
        "assistant" => new AssistantChatMessage(message.Text),
        _ => new UserChatMessage(message.Text),
    };
}
