using System.Globalization;
using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

/// <summary>One conversion of a schema document to GBNF; not reusable.</summary>
internal sealed partial class JsonSchemaConverter(JsonElement root)
{
    private readonly GbnfRuleSet _rules = new();
    private readonly Dictionary<string, string> _refRules = new(StringComparer.Ordinal);

    public string Convert()
    {
        var name = _rules.Reserve("root");
        _rules.Define(name, Visit(root, "", "root"));
        return _rules.Render();
    }

    /// <summary>A GBNF expression (often a rule name) for the values <paramref name="schema"/> allows.</summary>
    private string Visit(JsonElement schema, string pointer, string hint)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.True:
                return _rules.Primitive("value");
            case JsonValueKind.False:
                throw Invalid(pointer, "the schema is 'false', which no value satisfies");
            case JsonValueKind.Object:
                break;
            default:
                throw Invalid(pointer, $"a schema must be an object or a boolean, not {schema.ValueKind}");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            if (!SchemaKeywords.Supported.Contains(keyword.Name) && !SchemaKeywords.Ignored.Contains(keyword.Name))
            {
                throw new JsonSchemaNotSupportedException(
                    keyword.Name, JsonPointer.Append(pointer, keyword.Name), "the grammar converter cannot enforce it");
            }
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            RequireAlone(schema, pointer, "$ref");
            return Reference(reference, JsonPointer.Append(pointer, "$ref"));
        }

        foreach (var keyword in (string[])["anyOf", "oneOf"])
        {
            if (schema.TryGetProperty(keyword, out var alternatives))
            {
                RequireAlone(schema, pointer, keyword);
                return Alternatives(alternatives, JsonPointer.Append(pointer, keyword), hint);
            }
        }

        var types = Types(schema, pointer);
        if (schema.TryGetProperty("const", out var constant))
        {
            RequireAlone(schema, pointer, "const", "type");
            CheckType(constant, types, JsonPointer.Append(pointer, "const"));
            return GbnfLiteral.ForJson(constant) + " " + _rules.Primitive("space");
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            RequireAlone(schema, pointer, "enum", "type");
            return Enumeration(values, types, JsonPointer.Append(pointer, "enum"));
        }

        if (types.Count == 0)
        {
            return _rules.Primitive("value");
        }

        var expressions = types.Select(type => TypeExpression(type, schema, pointer, hint)).ToList();
        return expressions.Count == 1 ? expressions[0] : "( " + string.Join(" | ", expressions) + " )";
    }

    /// <summary>A rule name for the schema: primitives by name, anything longer as a rule of its own.</summary>
    private string Named(JsonElement schema, string pointer, string hint)
    {
        var expression = Visit(schema, pointer, hint);
        return IsRuleName(expression) ? expression : _rules.Add(hint, expression);
    }

    private string TypeExpression(string type, JsonElement schema, string pointer, string hint) => type switch
    {
        "string" => StringExpression(schema, pointer),
        "number" or "integer" => NumberExpression(type, schema, pointer),
        "boolean" or "null" => _rules.Primitive(type),
        "object" => ObjectExpression(schema, pointer, hint),
        "array" => ArrayExpression(schema, pointer, hint),
        _ => throw new InvalidOperationException($"Unexpected type '{type}'."),
    };

    private string Reference(JsonElement reference, string pointer)
    {
        if (reference.ValueKind != JsonValueKind.String)
        {
            throw Invalid(pointer, "'$ref' must be a string");
        }

        var target = reference.GetString()!;
        if (_refRules.TryGetValue(target, out var known))
        {
            return known;
        }

        if (!target.StartsWith('#'))
        {
            throw new JsonSchemaNotSupportedException("$ref", pointer, $"only references inside the document ('#/$defs/…') are supported, not '{target}'");
        }

        var (schema, targetPointer) = Resolve(target, pointer);
        var hint = targetPointer.Length == 0 ? "root" : JsonPointer.Unescape(targetPointer[(targetPointer.LastIndexOf('/') + 1)..]);
        if (targetPointer.Length == 0)
        {
            _refRules[target] = "root";
            return "root";
        }

        // Claim the name before visiting so that recursive references resolve to it.
        var name = _rules.Reserve(hint);
        _refRules[target] = name;
        _rules.Define(name, Visit(schema, targetPointer, name));
        return name;
    }

    private (JsonElement Schema, string Pointer) Resolve(string target, string pointer)
    {
        var targetPointer = Uri.UnescapeDataString(target[1..]);
        if (targetPointer.Length > 0 && targetPointer[0] != '/')
        {
            throw new JsonSchemaNotSupportedException("$ref", pointer, $"'{target}' is not a JSON pointer ('$anchor' references are not supported)");
        }

        var current = root;
        foreach (var token in targetPointer.Split('/').Skip(1).Select(JsonPointer.Unescape))
        {
            var found = current.ValueKind switch
            {
                JsonValueKind.Object => current.TryGetProperty(token, out var child) ? child : (JsonElement?)null,
                JsonValueKind.Array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < current.GetArrayLength() => current[i],
                _ => null,
            };
            current = found ?? throw Invalid(pointer, $"'{target}' does not point at anything in the schema");
        }

        return (current, targetPointer);
    }

    private string Alternatives(JsonElement alternatives, string pointer, string hint)
    {
        if (alternatives.ValueKind != JsonValueKind.Array || alternatives.GetArrayLength() == 0)
        {
            throw Invalid(pointer, "must be a non-empty array of schemas");
        }

        var names = alternatives.EnumerateArray()
            .Select((schema, i) => Named(schema, JsonPointer.Append(pointer, i), hint + "-" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        return names.Count == 1 ? names[0] : "( " + string.Join(" | ", names) + " )";
    }

    private string Enumeration(JsonElement values, IReadOnlyList<string> types, string pointer)
    {
        if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
        {
            throw Invalid(pointer, "must be a non-empty array");
        }

        var literals = new List<string>();
        var index = 0;
        foreach (var value in values.EnumerateArray())
        {
            CheckType(value, types, JsonPointer.Append(pointer, index++));
            var literal = GbnfLiteral.ForJson(value);
            if (!literals.Contains(literal))
            {
                literals.Add(literal);
            }
        }

        var space = _rules.Primitive("space");
        return literals.Count == 1 ? literals[0] + " " + space : "( " + string.Join(" | ", literals) + " ) " + space;
    }

    private static void RequireAlone(JsonElement schema, string pointer, string keyword, params string[] allowed)
    {
        foreach (var other in schema.EnumerateObject())
        {
            if (other.Name != keyword && !allowed.Contains(other.Name) && !SchemaKeywords.Ignored.Contains(other.Name))
            {
                throw new JsonSchemaNotSupportedException(
                    other.Name, JsonPointer.Append(pointer, other.Name), $"it cannot be combined with '{keyword}' in the same schema");
            }
        }
    }

    private static bool IsRuleName(string expression) => expression.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static ArgumentException Invalid(string pointer, string problem) =>
        new($"Invalid JSON Schema at '{JsonPointer.Display(pointer)}': {problem}.");
}
