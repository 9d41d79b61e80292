using System.Buffers;
using System.Globalization;
using System.Text;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Discord;

/// <summary>
/// Discord's interaction signature: <c>X-Signature-Ed25519</c> = hex(Ed25519(timestamp + body)) under the
/// application's public key, with <c>X-Signature-Timestamp</c> (Unix seconds). Discord does not require a
/// window, but a captured request replayed much later is refused as <see cref="SignatureVerification.Stale"/>.
/// Pure and thread-safe.
/// </summary>
public static class DiscordSignatureVerifier
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureSize = 64;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static SignatureVerification Verify(
        DiscordPublicKey publicKey, string? timestamp, string? signature, ReadOnlySpan<byte> body, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureVerification.Missing;
        }

        if (signature.Length != SignatureSize * 2
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SignatureVerification.Mismatch;
        }

        Span<byte> signatureBytes = stackalloc byte[SignatureSize];
        if (Convert.FromHexString(signature, signatureBytes, out _, out _) != OperationStatus.Done)
        {
            return SignatureVerification.Mismatch;
        }

        // Discord signs timestamp + body as one message; Ed25519 verifies a whole message, not a stream.
        var length = timestamp.Length + body.Length;
        var message = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var head = Encoding.UTF8.GetBytes(timestamp, message);
            body.CopyTo(message.AsSpan(head));
            if (!publicKey.Verify(signatureBytes, message.AsSpan(0, head + body.Length)))
            {
                return SignatureVerification.Mismatch;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(message);
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        return age.Duration() > Window ? SignatureVerification.Stale : SignatureVerification.Valid;
    }
}
