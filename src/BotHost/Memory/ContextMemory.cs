namespace ChatCouncil.BotHost.Memory;

/// <summary>A relevant memory and the namespace it came from.</summary>
public sealed record ContextMemory(string Namespace, MemoryHitResponse Hit);
