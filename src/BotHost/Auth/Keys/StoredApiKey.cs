namespace ChatCouncil.BotHost.Auth.Keys;

internal sealed record StoredApiKey(ApiKeyInfo Info, byte[] SecretHash);
