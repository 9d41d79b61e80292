namespace ChatCouncil.Inference.Grammar;

/// <summary>The fixed rules shared by every generated grammar, with the rules each one uses.</summary>
/// <remarks>
/// Numbers follow JSON exactly (no leading zeros, no "+", no bare "."), but digit runs are bounded so
/// that a weak model cannot spend its whole budget on one number; 16 significant digits is all a
/// double keeps anyway. Whitespace between tokens is allowed but bounded for the same reason.
/// </remarks>
internal static class GbnfPrimitives
{
    public static readonly IReadOnlyDictionary<string, (string Body, string[] Uses)> Rules =
        new Dictionary<string, (string, string[])>(StringComparer.Ordinal)
        {
            ["space"] = ("( \" \" | \"\\n\"{1,2} [ \\t]{0,20} )?", []),
            ["boolean"] = ("( \"true\" | \"false\" ) space", ["space"]),
            ["null"] = ("\"null\" space", ["space"]),
            ["integral-part"] = ("\"0\" | [1-9] [0-9]{0,15}", []),
            ["decimal-part"] = ("[0-9]{1,16}", []),
            ["exponent"] = ("[eE] [-+]? [0-9]{1,3}", []),
            ["integer"] = ("\"-\"? integral-part space", ["integral-part", "space"]),
            ["number"] = ("\"-\"? integral-part ( \".\" decimal-part )? exponent? space", ["integral-part", "decimal-part", "exponent", "space"]),
            ["char"] = ("[^\"\\\\\\x00-\\x1F] | \"\\\\\" ( [\"\\\\/bfnrt] | \"u\" [0-9a-fA-F]{4} )", []),
            ["string"] = ("\"\\\"\" char* \"\\\"\" space", ["char", "space"]),
            ["value"] = ("object | array | string | number | boolean | null", ["object", "array", "string", "number", "boolean", "null"]),
            ["object"] = ("\"{\" space ( string \":\" space value ( \",\" space string \":\" space value )* )? \"}\" space", ["string", "value", "space"]),
            ["array"] = ("\"[\" space ( value ( \",\" space value )* )? \"]\" space", ["value", "space"]),
        };
}
