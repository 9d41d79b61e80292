namespace ChatCouncil.Connectors.Conversations;

/// <summary>The outcome of checking a platform's request signature. Only <see cref="Valid"/> may be parsed.</summary>
public enum SignatureVerification
{
    Valid,

    /// <summary>A signature or timestamp header is absent or empty.</summary>
    Missing,

    /// <summary>The signature is malformed or does not match the body.</summary>
    Mismatch,

    /// <summary>The signature matches but its timestamp is outside the accepted window (a replay).</summary>
    Stale,
}
