namespace ChatCouncil.BotHost.Auth;

/// <summary>What a request offered as credentials: nothing, a key to verify, or something unusable.</summary>
internal readonly record struct PresentedKey(string? Key, string? Problem)
{
    public static PresentedKey None { get; } = new(null, null);

    public static PresentedKey Unusable(string problem) => new(null, problem);

    public static PresentedKey Of(string key) => new(key, null);
}
