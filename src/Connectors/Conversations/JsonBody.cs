using System.Text.Json;

namespace ChatCouncil.Connectors.Conversations;

/// <summary>The one way a verified webhook body becomes JSON: empty, non-JSON and non-object bodies are malformed.</summary>
internal static class JsonBody
{
    public static InboundEvent ParseObject(ReadOnlySpan<byte> body, Func<JsonElement, InboundEvent> parse)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!JsonDocument.TryParseValue(ref reader, out var parsed))
            {
                return InboundEvent.Malformed("The body is empty.");
            }

            document = parsed;
        }
        catch (JsonException)
        {
            return InboundEvent.Malformed("The body is not JSON.");
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? parse(document.RootElement)
                : InboundEvent.Malformed("The body is not a JSON object.");
        }
    }
}
