using System.Security.Cryptography;
using System.Text;

namespace ChatCouncil.BotHost.Storage.Migrations;

/// <summary>
/// One versioned schema script. Applied scripts are immutable: <see cref="Checksum"/> is recorded when a
/// script is applied and compared at every later start.
/// </summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script with line endings normalised, so a CRLF checkout does not look like an edit.</summary>
    public string Checksum =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
}
