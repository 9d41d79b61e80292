namespace ChatCouncil.Inference.Registry;

/// <summary>What a configured model is used for.</summary>
public static class ModelRoles
{
    public const string Chat = "chat";
    public const string Embedding = "embedding";
}
