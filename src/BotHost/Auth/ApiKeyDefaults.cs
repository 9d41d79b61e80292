namespace ChatCouncil.BotHost.Auth;

public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme name; it is the default scheme of the host.</summary>
    public const string AuthenticationScheme = "ApiKey";
}
