namespace ChatCouncil.Memory.Namespaces;

/// <summary>Whose memory a namespace holds.</summary>
public enum MemoryNamespaceKind
{
    /// <summary>Shared by every agent; agents promote memories into it.</summary>
    Global,

    /// <summary>One agent's own memories.</summary>
    Agent,

    /// <summary>One conversation's memories.</summary>
    Conversation,
}
