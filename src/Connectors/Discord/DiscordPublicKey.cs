using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto.Parameters;

namespace ChatCouncil.Connectors.Discord;

/// <summary>A Discord application's Ed25519 public key (64 hex digits in the developer portal). Immutable.</summary>
public sealed class DiscordPublicKey
{
    private DiscordPublicKey(Ed25519PublicKeyParameters parameters) => Parameters = parameters;

    internal Ed25519PublicKeyParameters Parameters { get; }

    public static bool TryParse(string? hex, [NotNullWhen(true)] out DiscordPublicKey? key)
    {
        key = null;
        if (hex is null || hex.Length != Ed25519PublicKeyParameters.KeySize * 2)
        {
            return false;
        }

        try
        {
            key = new DiscordPublicKey(new Ed25519PublicKeyParameters(Convert.FromHexString(hex), 0));
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <exception cref="FormatException">Not 64 hex digits.</exception>
    public static DiscordPublicKey Parse(string hex) =>
        TryParse(hex, out var key) ? key : throw new FormatException("A Discord public key is 64 hex digits.");
}
