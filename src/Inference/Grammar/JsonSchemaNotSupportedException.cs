namespace ChatCouncil.Inference.Grammar;

/// <summary>A JSON Schema uses a keyword that cannot be turned into a grammar.</summary>
public sealed class JsonSchemaNotSupportedException : NotSupportedException
{
    public JsonSchemaNotSupportedException()
    {
    }

    public JsonSchemaNotSupportedException(string message)
        : base(message)
    {
    }

    public JsonSchemaNotSupportedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public JsonSchemaNotSupportedException(string keyword, string keywordLocation, string reason)
        : base($"JSON Schema keyword '{keyword}' at '{JsonPointer.Display(keywordLocation)}' is not supported: {reason}")
    {
        Keyword = keyword;
        KeywordLocation = keywordLocation;
    }

    /// <summary>The keyword that is not supported.</summary>
    public string Keyword { get; } = "";

    /// <summary>The JSON pointer (RFC 6901) of the keyword inside the schema document ("" is the root).</summary>
    public string KeywordLocation { get; } = "";
}
