namespace ChatCouncil.Inference.Grammar;

/// <summary>RFC 6901 JSON pointers, used to say where in a schema a problem is.</summary>
internal static class JsonPointer
{
    public static string Append(string pointer, string token) =>
        pointer + "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    public static string Append(string pointer, int index) =>
        pointer + "/" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Unescape(string token) =>
        token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    public static string Display(string pointer) => pointer.Length == 0 ? "(root)" : pointer;
}
