using System.Security.Cryptography;

namespace ChatCouncil.Connectors.Conversations;

internal static class HexSignature
{
    /// <summary>
    /// Whether <paramref name="hex"/> spells <paramref name="expected"/>. The length and hex format are not
    /// secret; the bytes are compared in constant time so timing reveals nothing about a near-match.
    /// </summary>
    public static bool Matches(ReadOnlySpan<byte> expected, ReadOnlySpan<char> hex)
    {
        if (hex.Length != expected.Length * 2)
        {
            return false;
        }

        Span<byte> presented = stackalloc byte[expected.Length];
        return Convert.FromHexString(hex, presented, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == expected.Length
            && CryptographicOperations.FixedTimeEquals(expected, presented);
    }
}
