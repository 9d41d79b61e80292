namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>A freshly minted key. <see cref="Key"/> exists only here: the store keeps a hash of it.</summary>
public sealed record CreatedApiKey(ApiKeyInfo Info, string Key)
{
    // The generated ToString would print the key wherever the record is logged or formatted.
    public override string ToString() => $"CreatedApiKey {{ Id = {Info.Id}, Name = {Info.Name}, Key = *** }}";
}
