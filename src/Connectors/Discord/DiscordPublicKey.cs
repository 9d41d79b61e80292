using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// A Discord application's Ed25519 public key (64 hex digits in the developer portal). Verifies through the system's
/// OpenSSL where there is one (<see cref="IsNative"/>), through BouncyCastle otherwise. Immutable, thread-safe.
/// </summary>
public sealed class DiscordPublicKey
{
    private readonly Ed25519PublicKeyParameters _portable;
    private readonly OpenSslEd25519.Key? _native;

    private DiscordPublicKey(byte[] key)
    {
        _portable = new Ed25519PublicKeyParameters(key, 0);
        _native = OpenSslEd25519.CreatePublicKey(key);
    }

    /// <summary>Whether signatures are checked by OpenSSL's libcrypto rather than the managed fallback.</summary>
    public bool IsNative => _native is not null;

    public static bool TryParse(string? hex, [NotNullWhen(true)] out DiscordPublicKey? key)
    {
        key = null;
        if (hex is null || hex.Length != Ed25519PublicKeyParameters.KeySize * 2)
        {
            return false;
        }

        try
        {
            key = new DiscordPublicKey(Convert.FromHexString(hex));
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

    internal bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message) =>
        _native is { } native ? native.Verify(signature, message) : VerifyPortable(signature, message);

    internal bool VerifyPortable(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> message)
    {
        var signer = new Ed25519Signer();
        signer.Init(false, _portable);
        var bytes = message.ToArray();
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return signer.VerifySignature(signature.ToArray());
    }
}
