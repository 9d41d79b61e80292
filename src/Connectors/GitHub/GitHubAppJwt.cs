using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatCouncil.Connectors.GitHub;

/// <summary>
/// The JWT a GitHub App authenticates with: RS256, <c>iat</c> 60 s in the past (clock drift), <c>exp</c> 9 minutes
/// ahead (GitHub allows at most 10), <c>iss</c> the app id.
/// </summary>
public static class GitHubAppJwt
{
    public static string Create(RSA privateKey, string appId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(privateKey);
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        var seconds = now.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["iat"] = seconds - 60,
            ["exp"] = seconds + (9 * 60),
            ["iss"] = long.TryParse(appId, NumberStyles.None, CultureInfo.InvariantCulture, out var numeric) ? numeric : appId,
        };
        var unsigned = Base64Url.EncodeToString("""{"alg":"RS256","typ":"JWT"}"""u8) + "." + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        var signature = privateKey.SignData(Encoding.ASCII.GetBytes(unsigned), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return unsigned + "." + Base64Url.EncodeToString(signature);
    }
}
