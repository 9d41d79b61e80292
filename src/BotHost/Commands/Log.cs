using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.BotHost.Commands;

internal static partial class Log
{
    [LoggerMessage(3401, LogLevel.Information, "{Platform} slash command: {SubCommand}")]
    public static partial void Command(ILogger logger, ChatPlatform platform, string subCommand);

    [LoggerMessage(3402, LogLevel.Information, "Discord application commands registered {Scope}: {Count} command(s)")]
    public static partial void Registered(ILogger logger, string scope, int count);

    [LoggerMessage(3403, LogLevel.Warning, "Discord application commands not registered: {Reason}")]
    public static partial void RegistrationSkipped(ILogger logger, string reason);

    [LoggerMessage(3404, LogLevel.Warning, "Discord application command registration failed (attempt {Attempt}); trying again in {Delay}")]
    public static partial void RegistrationRetrying(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(3405, LogLevel.Error, "Discord application commands could not be registered, so /council will not appear in Discord until the next start: {Reason}")]
    public static partial void RegistrationFailed(ILogger logger, Exception exception, string reason);
}
