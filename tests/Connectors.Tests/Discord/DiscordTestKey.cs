using System.Text;
using ChatCouncil.Connectors.Discord;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace ChatCouncil.Connectors.Tests.Discord;

/// <summary>An Ed25519 key pair that signs request bodies the way Discord does.</summary>
internal sealed class DiscordTestKey
{
    private readonly Ed25519PrivateKeyParameters _private = new(new SecureRandom());

    public string PublicKeyHex => Convert.ToHexStringLower(_private.GeneratePublicKey().GetEncoded());

    public DiscordPublicKey PublicKey => DiscordPublicKey.Parse(PublicKeyHex);

    public string Sign(string timestamp, byte[] body)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, _private);
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        signer.BlockUpdate(message, 0, message.Length);
        return Convert.ToHexStringLower(signer.GenerateSignature());
    }
}
