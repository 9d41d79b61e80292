using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

/// <summary>
/// Turns a JSON Schema into a llama.cpp GBNF grammar whose start rule is <c>root</c>, so that
/// grammar-constrained sampling can only produce JSON that fits the schema.
/// </summary>
/// <remarks>
/// Supported: <c>type</c> (one or a list), <c>properties</c>, <c>required</c>,
/// <c>additionalProperties</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>minimum</c> of 0 (and 1 for integers), <c>enum</c>,
/// <c>const</c>, <c>anyOf</c>, <c>oneOf</c> (exclusivity is not enforced), and local <c>$ref</c>
/// (<c>#/$defs/…</c>, recursion included). Annotations (<c>title</c>, <c>description</c>, …) are
/// ignored. Any other keyword throws <see cref="JsonSchemaNotSupportedException"/> naming it and
/// its JSON pointer, rather than silently producing a grammar that allows values the schema forbids.
/// Objects are generated with their declared properties only, in declared order; optional ones may
/// be left out. The methods are pure and thread-safe.
/// </remarks>
public static class JsonSchemaGrammar
{
    /// <summary>A grammar for any single JSON value.</summary>
    public static string AnyJson { get; } = GbnfRuleSet.ForPrimitive("value");

    /// <summary>A grammar for any JSON object ("JSON mode").</summary>
    public static string AnyJsonObject { get; } = GbnfRuleSet.ForPrimitive("object");

    /// <summary>Converts a JSON Schema document to GBNF.</summary>
    /// <exception cref="ArgumentException">The schema is malformed (the message names the JSON pointer).</exception>
    /// <exception cref="JsonSchemaNotSupportedException">The schema uses a keyword the converter cannot enforce.</exception>
    public static string ToGbnf(JsonElement schema) => new JsonSchemaConverter(schema).Convert();

    /// <inheritdoc cref="ToGbnf(JsonElement)"/>
    public static string ToGbnf(string schemaJson)
    {
        ArgumentNullException.ThrowIfNull(schemaJson);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(schemaJson);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"The JSON Schema is not valid JSON: {ex.Message}", nameof(schemaJson), ex);
        }

        using (document)
        {
            return ToGbnf(document.RootElement);
        }
    }
}
