using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

/// <summary>Renders JSON values as GBNF string literals that match their one canonical JSON text.</summary>
internal static class GbnfLiteral
{
    /// <summary>A GBNF literal matching the compact JSON text of <paramref name="value"/>.</summary>
    public static string ForJson(JsonElement value) => Quote(CanonicalJson(value));

    /// <summary>Quotes text as a GBNF string literal.</summary>
    public static string Quote(string text)
    {
        var literal = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => literal.Append("\\\""),
                '\\' => literal.Append("\\\\"),
                '\n' => literal.Append("\\n"),
                '\r' => literal.Append("\\r"),
                '\t' => literal.Append("\\t"),
                < ' ' => literal.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture)),
                _ => literal.Append(c),
            };
        }

        return literal.Append('"').ToString();
    }

    /// <summary>
    /// Compact JSON with object members in document order, numbers as written, and strings escaped
    /// only where JSON requires it (non-ASCII stays literal: that is what a model writes).
    /// </summary>
    public static string CanonicalJson(JsonElement value)
    {
        var json = new StringBuilder();
        Write(json, value);
        return json.ToString();
    }

    private static void Write(StringBuilder json, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                json.Append('{');
                var first = true;
                foreach (var member in value.EnumerateObject())
                {
                    json.Append(first ? "" : ",");
                    first = false;
                    WriteString(json, member.Name);
                    json.Append(':');
                    Write(json, member.Value);
                }

                json.Append('}');
                break;
            case JsonValueKind.Array:
                json.Append('[');
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    json.Append(index++ == 0 ? "" : ",");
                    Write(json, item);
                }

                json.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(json, value.GetString()!);
                break;
            default:
                json.Append(value.GetRawText());
                break;
        }
    }

    private static void WriteString(StringBuilder json, string text)
    {
        json.Append('"');
        foreach (var c in text)
        {
            _ = c switch
            {
                '"' => json.Append("\\\""),
                '\\' => json.Append("\\\\"),
                '\b' => json.Append("\\b"),
                '\f' => json.Append("\\f"),
                '\n' => json.Append("\\n"),
                '\r' => json.Append("\\r"),
                '\t' => json.Append("\\t"),
                < ' ' => json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => json.Append(c),
            };
        }

        json.Append('"');
    }
}
