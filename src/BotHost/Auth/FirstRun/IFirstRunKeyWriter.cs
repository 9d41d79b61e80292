using ChatCouncil.BotHost.Auth.Keys;

namespace ChatCouncil.BotHost.Auth.FirstRun;

/// <summary>
/// Shows the generated first-run admin key to the person who started the bot. Never implemented
/// with ILogger: log pipelines keep and forward what they get, and a key must not be kept.
/// </summary>
public interface IFirstRunKeyWriter
{
    void Write(CreatedApiKey key);
}
