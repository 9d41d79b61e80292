using System.Security.Cryptography;
using System.Text;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// GitHub's webhook signature: <c>X-Hub-Signature-256: sha256=hex(HMAC-SHA256(secret, body))</c>.
/// GitHub sends no timestamp, so replays are caught by the delivery id instead. Pure and thread-safe.
/// </summary>
public static class GitHubSignatureVerifier
{
    public const string SignatureHeader = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static SignatureVerification Verify(string secret, string? signature, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(signature))
        {
            return SignatureVerification.Missing;
        }

        if (!signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureVerification.Mismatch;
        }

        return HexSignature.Matches(Compute(secret, body), signature.AsSpan(Prefix.Length))
            ? SignatureVerification.Valid
            : SignatureVerification.Mismatch;
    }

    /// <summary>The header value GitHub would send.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(secret, body));

    private static byte[] Compute(string secret, ReadOnlySpan<byte> body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
}
