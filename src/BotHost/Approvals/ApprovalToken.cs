using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// The token a button (or GitHub command) carries: <c>&lt;request id, 32 hex&gt;.&lt;secret, 43 base64url&gt;</c>,
/// 76 characters of <c>[0-9a-zA-Z_.-]</c>, so it fits a Discord custom_id and reads as one word in a comment. The id
/// names the request; the 256-bit secret proves the click came from the message the bot posted. Only SHA-256 of the
/// secret is stored (it is random, so a slow hash adds nothing) and compared in constant time. Pure and thread-safe.
/// </summary>
public static class ApprovalToken
{
    public const int SecretBytes = 32;

    public const int Length = 32 + 1 + 43;

    /// <summary>A fresh token for <paramref name="requestId"/> and the hash to store for it.</summary>
    public static (string Token, byte[] Hash) Create(Guid requestId)
    {
        Span<byte> secret = stackalloc byte[SecretBytes];
        RandomNumberGenerator.Fill(secret);
        var token = $"{requestId:N}.{Base64Url.EncodeToString(secret)}";
        System.Diagnostics.Debug.Assert(token.Length == Length && Length <= ApprovalButtons.MaxTokenLength);
        return (token, SHA256.HashData(secret));
    }

    /// <summary>Splits a presented token into its request id and secret; false for anything not shaped like one.</summary>
    public static bool TryParse(string? token, out Guid requestId, [NotNullWhen(true)] out byte[]? secret)
    {
        requestId = Guid.Empty;
        secret = null;
        if (token is not { Length: Length } || token[32] != '.'
            || !Guid.TryParseExact(token.AsSpan(0, 32), "N", out requestId))
        {
            return false;
        }

        var decoded = new byte[SecretBytes];
        if (Base64Url.DecodeFromChars(token.AsSpan(33), decoded, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != 43 || written != SecretBytes)
        {
            requestId = Guid.Empty;
            return false;
        }

        secret = decoded;
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Verifies(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> storedHash)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(secret, hash);
        return CryptographicOperations.FixedTimeEquals(hash, storedHash);
    }
}
