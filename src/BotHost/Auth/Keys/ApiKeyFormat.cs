using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>
/// <c>cc_&lt;id&gt;_&lt;secret&gt;</c>: id = 12 lower-case hex characters (48 random bits), secret = 43 base64url
/// characters (256 random bits). The secret has full entropy, so one SHA-256 is enough to store it:
/// a slow password hash only matters for guessable secrets.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "cc_";
    private const int IdLength = 12;
    private const int SecretLength = 43;
    private const int KeyLength = 3 + IdLength + 1 + SecretLength;

    private static readonly SearchValues<char> IdCharacters = SearchValues.Create("0123456789abcdef");

    private static readonly SearchValues<char> SecretCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    public static (string Id, string Secret, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdLength / 2));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, secret, $"{Prefix}{id}_{secret}");
    }

    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = string.Empty;
        if (key is null || key.Length != KeyLength || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || key[Prefix.Length + IdLength] != '_')
        {
            return false;
        }

        var idPart = key.AsSpan(Prefix.Length, IdLength);
        var secretPart = key.AsSpan(Prefix.Length + IdLength + 1);
        if (idPart.ContainsAnyExcept(IdCharacters) || secretPart.ContainsAnyExcept(SecretCharacters))
        {
            return false;
        }

        id = idPart.ToString();
        secret = secretPart.ToString();
        return true;
    }

    public static bool IsWellFormedId(string id) => id.Length == IdLength && !id.AsSpan().ContainsAnyExcept(IdCharacters);

    public static byte[] HashSecret(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool SecretMatches(ReadOnlySpan<byte> storedHash, string secret) =>
        CryptographicOperations.FixedTimeEquals(storedHash, HashSecret(secret));
}
