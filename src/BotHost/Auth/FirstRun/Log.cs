using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Auth.FirstRun;

internal static partial class Log
{
    [LoggerMessage(2001, LogLevel.Warning, "Generated the first-run admin key {KeyId}; the key was shown on standard output only")]
    public static partial void FirstRunKeyCreated(ILogger logger, string keyId);
}
