using System.Text.Json;

namespace ChatCouncil.Inference.Grammar;

internal sealed partial class JsonSchemaConverter
{
    private string ArrayExpression(JsonElement schema, string pointer, string hint)
    {
        var (min, max) = Bounds(schema, pointer, "minItems", "maxItems");
        var space = _rules.Primitive("space");
        var hasItems = schema.TryGetProperty("items", out var items);
        if (hasItems && items.ValueKind == JsonValueKind.Array)
        {
            throw new JsonSchemaNotSupportedException(
                "items", JsonPointer.Append(pointer, "items"), "tuple form (an array of schemas) is not supported");
        }

        if (max == 0 || (hasItems && items.ValueKind == JsonValueKind.False))
        {
            if (min > 0)
            {
                throw Invalid(pointer, "'items' is false but 'minItems' is above 0, so no value fits");
            }

            return $"\"[\" {space} \"]\" {space}";
        }

        var item = hasItems ? Named(items, JsonPointer.Append(pointer, "items"), hint + "-item") : _rules.Primitive("value");
        var more = Repeat($"( \",\" {space} {item} )", Math.Max(min - 1, 0), max - 1);
        var list = $"{item} {more}";
        return min == 0
            ? $"\"[\" {space} ( {list} )? \"]\" {space}"
            : $"\"[\" {space} {list} \"]\" {space}";
    }
}
