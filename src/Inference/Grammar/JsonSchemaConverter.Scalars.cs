using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

internal sealed partial class JsonSchemaConverter
{
    private string StringExpression(JsonElement schema, string pointer)
    {
        var (min, max) = Bounds(schema, pointer, "minLength", "maxLength");
        if (min == 0 && max is null)
        {
            return _rules.Primitive("string");
        }

        return $"\"\\\"\" {Repeat(_rules.Primitive("char"), min, max)} \"\\\"\" {_rules.Primitive("space")}";
    }

    /// <summary>
    /// Numbers, with <c>minimum</c> supported only where a grammar can enforce it exactly: 0 (no
    /// sign) and, for integers, 1 (no sign, no zero). Other bounds need digit-range rules.
    /// </summary>
    private string NumberExpression(string type, JsonElement schema, string pointer)
    {
        if (!schema.TryGetProperty("minimum", out var minimum))
        {
            return _rules.Primitive(type);
        }

        var at = JsonPointer.Append(pointer, "minimum");
        if (minimum.ValueKind != JsonValueKind.Number)
        {
            throw Invalid(at, "'minimum' must be a number");
        }

        var bound = minimum.GetDouble();
        var space = _rules.Primitive("space");
        if (bound == 0)
        {
            var integral = _rules.Primitive("integral-part");
            return type == "integer"
                ? $"{integral} {space}"
                : $"{integral} ( \".\" {_rules.Primitive("decimal-part")} )? {_rules.Primitive("exponent")}? {space}";
        }

        if (bound == 1 && type == "integer")
        {
            return $"[1-9] [0-9]{{0,15}} {space}";
        }

        throw new JsonSchemaNotSupportedException(
            "minimum", at, "only a minimum of 0 (or 1 for integers) can be enforced by the grammar");
    }
}
