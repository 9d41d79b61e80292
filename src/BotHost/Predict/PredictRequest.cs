using ChatCouncil.BotHost.Chat;

namespace ChatCouncil.BotHost.Predict;

/// <summary>POST /predict: one completion, optionally continuing a stored conversation.</summary>
public sealed record PredictRequest
{
    public string? Prompt { get; init; }

    /// <summary>Model id; the default chat model when omitted.</summary>
    public string? Model { get; init; }

    /// <summary>Continue this conversation (its history is sent to the model); a new one is created when omitted.</summary>
    public Guid? ConversationId { get; init; }

    /// <summary>Stream the answer as server-sent events instead of one JSON body.</summary>
    public bool Stream { get; init; }

    public GenerationParameters? Parameters { get; init; }

    public const int MaxPromptLength = 200_000;
}
