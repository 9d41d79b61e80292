namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>The outcome of checking a presented key; <see cref="Key"/> is set when the key matched (valid or revoked).</summary>
public readonly record struct ApiKeyVerification(ApiKeyStatus Status, ApiKeyInfo? Key)
{
    public static ApiKeyVerification Invalid { get; } = new(ApiKeyStatus.Invalid, null);
}
