using System.Text.Json;
using ChatCouncil.Inference.Adapters;
using Microsoft.Extensions.AI;

namespace ChatCouncil.BotHost.Chat;

/// <summary>Sampling and limits a client may set on /predict and /ws/chat; every field is optional.</summary>
public sealed record GenerationParameters
{
    public int? MaxTokens { get; init; }

    public float? Temperature { get; init; }

    public int? TopK { get; init; }

    public float? TopP { get; init; }

    public float? MinP { get; init; }

    public float? RepeatPenalty { get; init; }

    public long? Seed { get; init; }

    public IReadOnlyList<string>? Stop { get; init; }

    /// <summary>A GBNF grammar (rule <c>root</c>) the answer must match.</summary>
    public string? Grammar { get; init; }

    /// <summary>A JSON Schema the answer must match (converted to a grammar); <c>true</c> for any JSON.</summary>
    public JsonElement? JsonSchema { get; init; }

    public const int MaxTokensLimit = 8192;

    /// <summary>A reason the parameters are unusable, or null.</summary>
    public string? Validate() =>
        MaxTokens is < 1 or > MaxTokensLimit ? $"maxTokens must be between 1 and {MaxTokensLimit}."
        : Temperature is < 0 or > 5 ? "temperature must be between 0 and 5."
        : TopP is < 0 or > 1 ? "topP must be between 0 and 1."
        : MinP is < 0 or > 1 ? "minP must be between 0 and 1."
        : TopK is < 0 ? "topK must not be negative."
        : RepeatPenalty is <= 0 ? "repeatPenalty must be positive."
        : Stop is { Count: > 8 } ? "at most 8 stop sequences."
        : null;

    public ChatOptions ToChatOptions(string? modelId, string? conversationId)
    {
        var options = new ChatOptions
        {
            ModelId = modelId,
            ConversationId = conversationId,
            MaxOutputTokens = MaxTokens,
            Temperature = Temperature,
            TopK = TopK,
            TopP = TopP,
            Seed = Seed,
            StopSequences = Stop?.ToList(),
            AdditionalProperties = [],
        };
        if (MinP is { } minP)
        {
            options.AdditionalProperties[ChatOptionsMapper.MinPKey] = minP;
        }

        if (RepeatPenalty is { } penalty)
        {
            options.AdditionalProperties[ChatOptionsMapper.RepeatPenaltyKey] = penalty;
        }

        if (Grammar is not null)
        {
            options.AdditionalProperties[ChatOptionsMapper.GrammarKey] = Grammar;
        }

        if (JsonSchema is { } schema)
        {
            options.ResponseFormat = schema.ValueKind == JsonValueKind.True ? ChatResponseFormat.Json : ChatResponseFormat.ForJsonSchema(schema);
        }

        return options;
    }
}
