using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ChatCouncil.Connectors.Conversations;

namespace ChatCouncil.Connectors.Slack;

/// <summary>
/// Slack's v0 request signature: <c>X-Slack-Signature: v0=hex(HMAC-SHA256(secret, "v0:" + T + ":" + body))</c>
/// with <c>X-Slack-Request-Timestamp: T</c> no further than <see cref="Window"/> from now. Pure and thread-safe.
/// </summary>
public static class SlackSignatureVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    private const string Prefix = "v0=";

    /// <summary>How far a request's timestamp may be from now, either way.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public static SignatureVerification Verify(
        string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        ArgumentNullException.ThrowIfNull(time);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureVerification.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return SignatureVerification.Mismatch;
        }

        var expected = Compute(signingSecret, timestamp, body);
        if (!HexSignature.Matches(expected, signature.AsSpan(Prefix.Length)))
        {
            return SignatureVerification.Mismatch;
        }

        // Checked after the HMAC so that only Slack (who knows the secret) learns that a request was merely old.
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253_402_300_799));
        return age.Duration() > Window ? SignatureVerification.Stale : SignatureVerification.Valid;
    }

    /// <summary>The header value Slack would send: <c>v0=</c> and 64 lowercase hex digits.</summary>
    public static string Sign(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Compute(signingSecret, timestamp, body));

    private static byte[] Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetBytes($"v0:{timestamp}:");
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(head);
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
