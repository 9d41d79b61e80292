namespace ChatCouncil.BotHost.Health;

public static class HealthTags
{
    /// <summary>Checks with this tag decide <c>/health/ready</c> (storage reachable, model loaded, …).</summary>
    public const string Ready = "ready";
}
