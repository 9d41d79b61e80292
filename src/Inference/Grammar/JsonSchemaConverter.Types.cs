using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

internal sealed partial class JsonSchemaConverter
{
    /// <summary>
    /// The types a schema allows: its <c>type</c>, or, without one, the types its keywords describe
    /// (none means any value).
    /// </summary>
    private static List<string> Types(JsonElement schema, string pointer)
    {
        var types = new List<string>();
        if (schema.TryGetProperty("type", out var type))
        {
            var typePointer = JsonPointer.Append(pointer, "type");
            var names = type.ValueKind switch
            {
                JsonValueKind.String => [type],
                JsonValueKind.Array when type.GetArrayLength() > 0 => type.EnumerateArray().ToList(),
                _ => throw Invalid(typePointer, "must be a type name or a non-empty array of them"),
            };
            foreach (var name in names)
            {
                var text = name.ValueKind == JsonValueKind.String ? name.GetString()! : "";
                if (!SchemaKeywords.Types.Contains(text))
                {
                    throw Invalid(typePointer, $"unknown type {name.GetRawText()}; expected one of {string.Join(", ", SchemaKeywords.Types)}");
                }

                types.Add(text);
            }
        }
        else
        {
            AddIfUsed(types, schema, "object", SchemaKeywords.ObjectKeywords);
            AddIfUsed(types, schema, "array", SchemaKeywords.ArrayKeywords);
            AddIfUsed(types, schema, "string", SchemaKeywords.StringKeywords);
            AddIfUsed(types, schema, "number", SchemaKeywords.NumberKeywords);
        }

        // Every integer is a number: "number" alone keeps the grammar unambiguous.
        if (types.Contains("number"))
        {
            types.Remove("integer");
        }

        return types.Distinct().ToList();
    }

    private static void AddIfUsed(List<string> types, JsonElement schema, string type, string[] keywords)
    {
        if (keywords.Any(keyword => schema.TryGetProperty(keyword, out _)))
        {
            types.Add(type);
        }
    }

    /// <summary>An enum or const value must have one of the declared types, or the grammar would lie.</summary>
    private static void CheckType(JsonElement value, IReadOnlyList<string> types, string pointer)
    {
        if (types.Count == 0)
        {
            return;
        }

        var type = value.ValueKind switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.Number when IsInteger(value) => "integer",
            JsonValueKind.Number => "number",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Null => "null",
            JsonValueKind.Object => "object",
            _ => "array",
        };
        var fits = types.Contains(type) || (type == "integer" && types.Contains("number"));
        if (!fits)
        {
            throw Invalid(pointer, $"the value {value.GetRawText()} is not of the declared type ({string.Join(", ", types)})");
        }
    }

    private static bool IsInteger(JsonElement number) =>
        number.TryGetDecimal(out var value) ? decimal.Truncate(value) == value : Math.Floor(number.GetDouble()) == number.GetDouble();

    /// <summary>A non-negative integer keyword such as minItems, or null when absent.</summary>
    private static int? Count(JsonElement schema, string keyword, string pointer)
    {
        if (!schema.TryGetProperty(keyword, out var value))
        {
            return null;
        }

        var at = JsonPointer.Append(pointer, keyword);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count) || count < 0)
        {
            throw Invalid(at, $"'{keyword}' must be a non-negative integer");
        }

        if (count > SchemaKeywords.MaxRepetition)
        {
            throw new JsonSchemaNotSupportedException(keyword, at, $"values above {SchemaKeywords.MaxRepetition} make grammars too large");
        }

        return (int)count;
    }

    /// <summary>GBNF repetition of an item between <paramref name="min"/> and <paramref name="max"/> times.</summary>
    private static string Repeat(string item, int min, int? max) => (min, max) switch
    {
        (0, null) => item + "*",
        (1, null) => item + "+",
        (_, null) => $"{item}{{{min},}}",
        (0, 1) => item + "?",
        (1, 1) => item,
        var (_, m) when m == min => $"{item}{{{min}}}",
        _ => $"{item}{{{min},{max}}}",
    };

    private static (int Min, int? Max) Bounds(JsonElement schema, string pointer, string minKeyword, string maxKeyword)
    {
        var min = Count(schema, minKeyword, pointer) ?? 0;
        var max = Count(schema, maxKeyword, pointer);
        if (max < min)
        {
            throw Invalid(JsonPointer.Append(pointer, maxKeyword), $"'{maxKeyword}' ({max}) is below '{minKeyword}' ({min}), so no value fits");
        }

        return (min, max);
    }
}
