using System.Text;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>
/// A Slack client for a child process that may be killed at any moment. Like a platform behind an outbox keyed by
/// idempotency key, it delivers each key once: <c>path</c> gets one durable line per delivered reply,
/// <c>path.attempts</c> one per send, so a test can see how often the inbox retried across the crash.
/// </summary>
internal sealed class FileRecordingChatPlatformClient(string path) : IChatPlatformClient
{
    private readonly Lock _gate = new();

    public ChatPlatform Platform => ChatPlatform.Slack;

    public Task AcknowledgeAsync(ConversationTurn turn, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<DeliveredReply> SendAsync(OutboundReply reply, CancellationToken cancellationToken)
    {
        // Nothing is sent before the test has posted every event (path.go), then slowly enough that a kill lands
        // while replies are being sent, however fast or loaded the machine.
        while (!File.Exists(path + ".go"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        lock (_gate)
        {
            var line = $"{reply.IdempotencyKey}\t{reply.Key.Thread}\n";
            Append(path + ".attempts", line);
            var delivered = File.Exists(path) ? File.ReadAllLines(path) : [];
            if (!delivered.Any(l => l.StartsWith(reply.IdempotencyKey + "\t", StringComparison.Ordinal)))
            {
                Append(path, line);
            }

        }

        return new DeliveredReply([reply.IdempotencyKey]);
    }

    private static void Append(string file, string line)
    {
        using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        stream.Write(Encoding.UTF8.GetBytes(line));
        stream.Flush(flushToDisk: true);
    }
}
