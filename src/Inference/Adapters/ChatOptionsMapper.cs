using System.Globalization;
using System.Text.Json;
using ChatCouncil.Inference.Generation;
using Microsoft.Extensions.AI;

namespace ChatCouncil.Inference.Adapters;

/// <summary>Maps <see cref="ChatOptions"/> onto a <see cref="GenerationRequest"/>.</summary>
public static class ChatOptionsMapper
{
    /// <summary>AdditionalProperties keys understood beyond the standard options.</summary>
    public const string MinPKey = "min_p";
    public const string RepeatPenaltyKey = "repeat_penalty";
    public const string GrammarKey = "grammar";
    public const int DefaultMaxTokens = 256;

    internal static GenerationRequest ToRequest(string prompt, ChatOptions? options, Func<JsonElement?, string> jsonGrammar)
    {
        var defaults = new SamplingSettings();
        var grammar = Get<string>(options, GrammarKey);
        if (grammar is null && options?.ResponseFormat is ChatResponseFormatJson json)
        {
            grammar = jsonGrammar(json.Schema);
        }

        return new GenerationRequest
        {
            Prompt = prompt,
            MaxTokens = options?.MaxOutputTokens ?? DefaultMaxTokens,
            StopSequences = options?.StopSequences?.Where(s => s.Length > 0).ToArray() ?? [],
            Sampling = new SamplingSettings
            {
                Temperature = options?.Temperature ?? defaults.Temperature,
                TopK = options?.TopK ?? defaults.TopK,
                TopP = options?.TopP ?? defaults.TopP,
                MinP = Get<float?>(options, MinPKey) ?? defaults.MinP,
                RepeatPenalty = Get<float?>(options, RepeatPenaltyKey) ?? defaults.RepeatPenalty,
                FrequencyPenalty = options?.FrequencyPenalty ?? 0,
                PresencePenalty = options?.PresencePenalty ?? 0,
                Seed = options?.Seed is long seed ? unchecked((uint)seed) : null,
                Grammar = grammar,
            },
        };
    }

    private static T? Get<T>(ChatOptions? options, string key)
    {
        if (options?.AdditionalProperties is null || !options.AdditionalProperties.TryGetValue(key, out var value) || value is null)
        {
            return default;
        }

        var target = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return value switch
        {
            T typed => typed,
            JsonElement element => element.Deserialize<T>(),
            IConvertible convertible => (T)Convert.ChangeType(convertible, target, CultureInfo.InvariantCulture),
            _ => default,
        };
    }
}
