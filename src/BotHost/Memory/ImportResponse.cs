namespace ChatCouncil.BotHost.Memory;

/// <summary>How many documents an import stored in the namespace.</summary>
public sealed record ImportResponse(string Namespace, int Imported);
