using System.Globalization;
using System.Text;

namespace ChatCouncil.BotHost.Auth.Keys;

/// <summary>The plain-text table <c>keys list</c> prints.</summary>
internal static class KeyTable
{
    public static string Format(IReadOnlyList<ApiKeyInfo> keys)
    {
        if (keys.Count == 0)
        {
            return "No API keys.\n";
        }

        string[] header = ["ID", "NAME", "SCOPES", "CREATED", "LAST USED", "STATUS"];
        var rows = keys.Select(k => new[]
        {
            k.Id,
            k.Name,
            string.Join(",", k.Scopes),
            Format(k.CreatedAt),
            k.LastUsedAt is { } used ? Format(used) : "never",
            k.RevokedAt is { } revoked ? $"revoked {Format(revoked)}" : "active",
        }).Prepend(header).ToList();

        var widths = Enumerable.Range(0, header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd()).Append('\n');
        }

        return text.ToString();
    }

    private static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
