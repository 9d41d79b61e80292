namespace ChatCouncil.BotHost.Auth.Keys;

public enum ApiKeyStatus
{
    Valid,

    /// <summary>Malformed, unknown, or the secret does not match.</summary>
    Invalid,

    /// <summary>The key matched but was revoked.</summary>
    Revoked,
}
