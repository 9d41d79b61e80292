namespace ChatCouncil.BotHost.Storage;

internal static class TimeProviderExtensions
{
    /// <summary>Now, cut to whole milliseconds: the precision both databases keep, so a value reads back equal.</summary>
    public static DateTimeOffset GetUtcNowMilliseconds(this TimeProvider time) =>
        DateTimeOffset.FromUnixTimeMilliseconds(time.GetUtcNow().ToUnixTimeMilliseconds());
}
