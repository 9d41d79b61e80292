using Microsoft.Extensions.Logging;

namespace ChatCouncil.BotHost.Storage.Migrations;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "{Provider} migration V{Version} ({Name}) applied in {ElapsedMs:0.0} ms")]
    public static partial void MigrationApplied(ILogger logger, string provider, int version, string name, double elapsedMs);

    [LoggerMessage(1002, LogLevel.Information, "{Provider} schema is current at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, string provider, int version);
}
