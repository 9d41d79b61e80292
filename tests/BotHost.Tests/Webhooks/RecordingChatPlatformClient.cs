using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// A platform client that records what it is handed instead of calling a platform. <see cref="Failing"/> makes
/// every send throw, the way an unreachable platform would; <see cref="SendDelay"/> widens race windows.
/// </summary>
public sealed class RecordingChatPlatformClient(ChatPlatform platform, ReplyRecorder recorder) : IChatPlatformClient
{
    public ChatPlatform Platform => platform;

    private volatile bool _failing;

    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    public TimeSpan SendDelay { get; set; }

    public Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        recorder.Add(turn);
        return Task.CompletedTask;
    }

    public async Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        if (SendDelay > TimeSpan.Zero)
        {
            await Task.Delay(SendDelay, cancellationToken);
        }

        if (_failing)
        {
            throw new HttpRequestException($"The fake {platform} API is down.");
        }

        recorder.Add(reply);
        return new DeliveredReply([$"{platform}-{reply.IdempotencyKey}"]);
    }
}
