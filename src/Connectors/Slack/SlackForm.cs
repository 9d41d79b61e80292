using System.Text;

namespace ChatCouncil.Connectors.Slack;

/// <summary>Decodes <c>application/x-www-form-urlencoded</c> bodies (slash commands, interactivity). Last value wins.</summary>
public static class SlackForm
{
    /// <returns>null when the body is not valid UTF-8 form encoding.</returns>
    public static IReadOnlyDictionary<string, string>? Parse(ReadOnlySpan<byte> body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Decode(pair[(equals + 1)..]);
            if (name is null || value is null || name.Length == 0)
            {
                return null;
            }

            fields[name] = value;
        }

        return fields;
    }

    private static string? Decode(string encoded)
    {
        try
        {
            return Uri.UnescapeDataString(encoded.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return null;
        }
    }
}
