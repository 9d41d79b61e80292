namespace ChatCouncil.Inference.Grammar;

/// <summary>Which JSON Schema keywords the converter enforces, ignores, or rejects.</summary>
internal static class SchemaKeywords
{
    /// <summary>Annotations and containers: they never constrain a value, so they are ignored.</summary>
    public static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "$anchor", "$defs", "definitions", "title", "description",
        "default", "examples", "deprecated", "readOnly", "writeOnly",
    };

    public static readonly HashSet<string> Supported = new(StringComparer.Ordinal)
    {
        "type", "enum", "const", "anyOf", "oneOf", "$ref",
        "properties", "required", "additionalProperties",
        "items", "minItems", "maxItems",
        "minLength", "maxLength",
        "minimum",
    };

    public static readonly string[] ObjectKeywords = ["properties", "required", "additionalProperties"];

    public static readonly string[] ArrayKeywords = ["items", "minItems", "maxItems"];

    public static readonly string[] StringKeywords = ["minLength", "maxLength"];

    public static readonly string[] NumberKeywords = ["minimum"];

    public static readonly string[] Types = ["string", "number", "integer", "boolean", "null", "object", "array"];

    /// <summary>Bound on minItems/maxItems/minLength/maxLength: llama.cpp expands {m,n} into n rules.</summary>
    public const int MaxRepetition = 1000;
}
