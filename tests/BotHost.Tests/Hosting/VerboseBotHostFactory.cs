namespace ChatCouncil.BotHost.Tests.Hosting;

/// <summary>The host with every log category at Trace, so tests see everything a verbose production setting would log.</summary>
public sealed class VerboseBotHostFactory : BotHostFactory
{
    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        settings["Logging:LogLevel:Default"] = "Trace";
        settings["Logging:LogLevel:Microsoft"] = "Trace";
        settings["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace";
        settings["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "Trace";
    }
}
