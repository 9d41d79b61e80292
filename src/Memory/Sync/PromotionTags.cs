using System.Globalization;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Sync;

/// <summary>The free tags a promoted global memory carries, so a later promotion can be compared with it.</summary>
public static class PromotionTags
{
    public const string Agent = "promoted-by";
    public const string Priority = "promoted-priority";
    public const string From = "promoted-from";

    public static MemoryTags Add(MemoryTags tags, string agentId, int priority, string documentId)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var extra = new Dictionary<string, string>(tags.Extra, StringComparer.Ordinal)
        {
            [Agent] = agentId,
            [Priority] = priority.ToString(CultureInfo.InvariantCulture),
            [From] = documentId,
        };
        return tags with { Extra = extra };
    }

    /// <summary>The claim a stored global memory holds; one written directly (not promoted) counts as priority 0 by no agent.</summary>
    public static PromotionClaim ClaimOf(MemoryDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var priority = int.TryParse(document.Tags[Priority], NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return new PromotionClaim(document.Tags.Time ?? document.UpdatedAt, priority, document.Tags[Agent] ?? string.Empty);
    }
}
