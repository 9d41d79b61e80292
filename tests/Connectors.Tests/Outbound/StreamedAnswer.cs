using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Outbound;

/// <summary>
/// Streams an answer word by word into a client the way the inbox does (through a <see cref="ThrottledMessageEditor"/>
/// at the client's own pace), one word per <see cref="Step"/> of a fake clock, then sends the final answer.
/// </summary>
internal static class StreamedAnswer
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(400);

    /// <summary>Twelve words: offered at 0, 0.4 … 4.4 s.</summary>
    public const string Text = "one two three four five six seven eight nine ten eleven twelve";

    public static async Task StreamAsync(IChatPlatformClient client, OutboundReply reply, FakeTimeProvider time)
    {
        var editor = new ThrottledMessageEditor(
            (text, ct) => client.ShowPartialAsync(reply with { Text = text }, ct), client.StreamInterval!.Value, time);
        var words = reply.Text.Split(' ');
        for (var i = 1; i <= words.Length; i++)
        {
            await editor.UpdateAsync(string.Join(' ', words[..i]), CancellationToken.None);
            time.Advance(Step);
        }
    }

    /// <summary>The prefixes a 1 s pace sends of <see cref="Text"/>: at 0, 1.2, 2.4 and 3.6 s (1, 4, 7 and 10 words).</summary>
    public static string[] SentAtOneSecondPace =>
        [.. new[] { 1, 4, 7, 10 }.Select(n => string.Join(' ', Text.Split(' ')[..n]))];
}
