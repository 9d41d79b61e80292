using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatCouncil.BotHost.Chat;

/// <summary>A frame from the browser: <c>message</c> (text, model, options) or <c>cancel</c>.</summary>
internal sealed record ClientFrame(string? Type, string? Text, string? Model, GenerationParameters? Options);

internal static class ChatSocketFrames
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static object Ready(Guid conversationId, string requestId, string? model) =>
        new { type = "ready", conversationId, requestId, model };

    public static object Token(string text) => new { type = "token", text };

    public static object Done(ChatTurnCompleted done) => new
    {
        type = "done",
        finishReason = done.FinishReason,
        model = done.ModelId,
        usage = new { promptTokens = done.PromptTokens, completionTokens = done.CompletionTokens, cachedPromptTokens = done.CachedPromptTokens },
        latencyMs = done.LatencyMs,
    };

    public static object Error(int status, string message) => new { type = "error", status, message };
}
