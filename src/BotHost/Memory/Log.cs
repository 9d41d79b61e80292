namespace ChatCouncil.BotHost.Memory;

internal static partial class Log
{
    [LoggerMessage(4001, LogLevel.Information, "Re-embedded {Count} memory documents with {Model}")]
    public static partial void Reembedded(ILogger logger, int count, string model);

    [LoggerMessage(4002, LogLevel.Error, "Re-embedding memory with {Model} failed; stale documents stay findable by full text only")]
    public static partial void ReembeddingFailed(ILogger logger, Exception exception, string model);
}
