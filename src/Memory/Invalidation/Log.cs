using Microsoft.Extensions.Logging;

namespace ChatCouncil.Memory.Invalidation;

internal static partial class Log
{
    [LoggerMessage(4101, LogLevel.Information, "Memory index invalidations: listening on Redis channel {Channel}")]
    public static partial void Listening(ILogger logger, string channel);

    [LoggerMessage(4102, LogLevel.Warning,
        "Memory index invalidations: Redis subscription lost ({Reason}); searches check the namespace version in the database until it is back")]
    public static partial void Lost(ILogger logger, Exception? exception, string reason);

    [LoggerMessage(4103, LogLevel.Warning,
        "Memory index invalidation for {Namespace} version {Version} not published; other processes find the write through the version check")]
    public static partial void PublishFailed(ILogger logger, Exception exception, string @namespace, long version);

    [LoggerMessage(4104, LogLevel.Warning, "Memory index invalidations: ignored a malformed message on {Channel}")]
    public static partial void Malformed(ILogger logger, string channel);
}
