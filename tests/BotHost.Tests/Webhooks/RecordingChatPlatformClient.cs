using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Webhooks;

/// <summary>
/// A platform client that records what it is handed instead of calling a platform. <see cref="Failing"/> makes
/// every send throw, the way an unreachable platform would; <see cref="SendDelay"/> widens race windows, and
/// <see cref="AwaitCompanyUpTo"/> holds the first send until a second one is under way, so that a test of parallel
/// answering does not depend on how fast the machine generates.
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

    private int _inFlight;
    private int _mostInFlight;

    public TimeSpan SendDelay { get; set; }

    /// <summary>How long a send waits for another send to start, until two have been under way at once.</summary>
    public TimeSpan AwaitCompanyUpTo { get; set; }

    private readonly TaskCompletionSource _company = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The most sends that were under way at one time.</summary>
    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken)
    {
        recorder.Add(turn);
        return Task.CompletedTask;
    }

    public async Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        for (var most = _mostInFlight; now > most; most = _mostInFlight)
        {
            Interlocked.CompareExchange(ref _mostInFlight, now, most);
        }

        if (now >= 2)
        {
            _company.TrySetResult();
        }

        try
        {
            if (AwaitCompanyUpTo > TimeSpan.Zero)
            {
                try
                {
                    await _company.Task.WaitAsync(AwaitCompanyUpTo, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Alone for the whole wait: MostInFlight stays 1 and says so; later sends need not wait again.
                    _company.TrySetResult();
                }
            }

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
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
