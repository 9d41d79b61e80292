using System.Net;

namespace ChatCouncil.Connectors.Conversations;

/// <summary>
/// A platform refused or failed a call after the resilience pipeline gave up. <see cref="IsTransient"/> tells an
/// outbox whether trying the same reply later can succeed (rate limit, 5xx, timeout, open circuit) or not (bad
/// token, unknown channel); <see cref="RetryAfter"/> is the platform's own wait when it gave one.
/// The message never contains tokens or URLs that embed them.
/// </summary>
public sealed class ChatPlatformException : Exception
{
    public ChatPlatformException()
    {
    }

    public ChatPlatformException(string message)
        : base(message)
    {
    }

    public ChatPlatformException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ChatPlatformException(ChatPlatform platform, string message, bool isTransient, HttpStatusCode? statusCode = null, string? errorCode = null, TimeSpan? retryAfter = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Platform = platform;
        IsTransient = isTransient;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        RetryAfter = retryAfter;
    }

    public ChatPlatform Platform { get; }

    public bool IsTransient { get; }

    public HttpStatusCode? StatusCode { get; }

    /// <summary>The platform's own error name: Slack's <c>error</c>, Discord's numeric <c>code</c>, GitHub's message.</summary>
    public string? ErrorCode { get; }

    public TimeSpan? RetryAfter { get; }
}
