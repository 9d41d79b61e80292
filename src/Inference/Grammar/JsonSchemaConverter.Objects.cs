using System.Text;
using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

internal sealed partial class JsonSchemaConverter
{
    /// <summary>
    /// An object with its declared properties in declared order; optional ones may be left out.
    /// Extra properties are never generated, which every value of additionalProperties allows,
    /// so additionalProperties only matters for objects without declared properties (maps).
    /// </summary>
    private string ObjectExpression(JsonElement schema, string pointer, string hint)
    {
        var properties = Properties(schema, pointer);
        var space = _rules.Primitive("space");
        if (properties.Count == 0)
        {
            return MapExpression(schema, pointer, hint);
        }

        var members = properties
            .Select(p => (Rule: Member(p.Name, p.Schema, p.Pointer, hint), p.Required))
            .ToList();

        // The first member written is some property j up to and including the first required
        // one; everything after it is preceded by a comma. No required property: all may be absent.
        var firstRequired = members.FindIndex(m => m.Required);
        var last = firstRequired < 0 ? members.Count - 1 : firstRequired;
        var heads = Enumerable.Range(0, last + 1).Select(j => Tail(members, j)).ToList();
        var body = heads.Count == 1 ? heads[0] : "( " + string.Join(" | ", heads) + " )";
        if (firstRequired < 0)
        {
            body = heads.Count == 1 ? "( " + body + " )?" : body + "?";
        }

        return $"\"{{\" {space} {body} \"}}\" {space}";
    }

    /// <summary>Member <paramref name="first"/> followed by every later member, each after a comma.</summary>
    private string Tail(List<(string Rule, bool Required)> members, int first)
    {
        var space = _rules.Primitive("space");
        var text = new StringBuilder(members[first].Rule);
        foreach (var (rule, required) in members.Skip(first + 1))
        {
            text.Append(required ? $" \",\" {space} {rule}" : $" ( \",\" {space} {rule} )?");
        }

        return text.ToString();
    }

    private string Member(string name, JsonElement schema, string pointer, string hint)
    {
        var childHint = hint == "root" ? name : hint + "-" + name;
        var value = Named(schema, pointer, childHint);
        var space = _rules.Primitive("space");
        var key = GbnfLiteral.Quote(GbnfLiteral.CanonicalJson(JsonSerializer.SerializeToElement(name)));
        return _rules.Add(childHint + "-kv", $"{key} {space} \":\" {space} {value}");
    }

    private string MapExpression(JsonElement schema, string pointer, string hint)
    {
        var space = _rules.Primitive("space");
        if (!schema.TryGetProperty("additionalProperties", out var additional) || additional.ValueKind == JsonValueKind.True)
        {
            return _rules.Primitive("object");
        }

        if (additional.ValueKind == JsonValueKind.False)
        {
            return $"\"{{\" {space} \"}}\" {space}";
        }

        var value = Named(additional, JsonPointer.Append(pointer, "additionalProperties"), hint + "-value");
        var entry = _rules.Add(hint + "-entry", $"{_rules.Primitive("string")} \":\" {space} {value}");
        return $"\"{{\" {space} ( {entry} ( \",\" {space} {entry} )* )? \"}}\" {space}";
    }

    private static List<(string Name, JsonElement Schema, string Pointer, bool Required)> Properties(JsonElement schema, string pointer)
    {
        var required = new List<string>();
        if (schema.TryGetProperty("required", out var names))
        {
            var at = JsonPointer.Append(pointer, "required");
            if (names.ValueKind != JsonValueKind.Array || names.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.String))
            {
                throw Invalid(at, "'required' must be an array of strings");
            }

            required.AddRange(names.EnumerateArray().Select(n => n.GetString()!).Distinct());
        }

        var properties = new List<(string, JsonElement, string, bool)>();
        if (schema.TryGetProperty("properties", out var declared))
        {
            var at = JsonPointer.Append(pointer, "properties");
            if (declared.ValueKind != JsonValueKind.Object)
            {
                throw Invalid(at, "'properties' must be an object");
            }

            properties.AddRange(declared.EnumerateObject()
                .Select(p => (p.Name, p.Value, JsonPointer.Append(at, p.Name), required.Contains(p.Name))));
        }

        // A required property without a declaration may hold any value.
        using var anything = JsonDocument.Parse("true");
        properties.AddRange(required
            .Where(name => !properties.Exists(p => p.Item1 == name))
            .Select(name => (name, anything.RootElement.Clone(), JsonPointer.Append(pointer, "required"), true)));
        return properties;
    }
}
