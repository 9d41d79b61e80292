using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ChatCouncil.Memory.Records;

namespace ChatCouncil.Memory.Search;

/// <summary>
/// Which records a search or listing may return: every tag in <see cref="Tags"/> must equal the record's tag, and the
/// record's time must fall in [<see cref="After"/>, <see cref="Before"/>). The text form is comma-separated
/// <c>key=value</c> pairs with <c>after</c>/<c>before</c> taking ISO 8601 times, e.g.
/// <c>platform=slack,channel=C042,after=2026-01-01T00:00:00Z</c>. Values cannot contain commas.
/// </summary>
public sealed record MemoryFilter
{
    public const string AfterKey = "after";
    public const string BeforeKey = "before";

    public static MemoryFilter None { get; } = new();

    public IReadOnlyDictionary<string, string> Tags { get; init; } = FrozenDictionary<string, string>.Empty;

    public DateTimeOffset? After { get; init; }

    public DateTimeOffset? Before { get; init; }

    public bool IsEmpty => Tags.Count == 0 && After is null && Before is null;

    public bool Matches(MemoryTags tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var (key, value) in Tags)
        {
            if (!string.Equals(tags[key], value, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return (After is null || (tags.Time is { } t1 && t1 >= After)) && (Before is null || (tags.Time is { } t2 && t2 < Before));
    }

    /// <exception cref="FormatException">The filter is malformed; the message gives the reason.</exception>
    public static MemoryFilter Parse(string? text) => TryParse(text, out var filter, out var error) ? filter : throw new FormatException(error);

    /// <summary>An empty or null text is the empty filter.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MemoryFilter? filter, [NotNullWhen(false)] out string? error)
    {
        filter = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            filter = None;
            return true;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        DateTimeOffset? after = null, before = null;
        foreach (var part in text.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                error = $"Filter term '{part}' is not key=value.";
                return false;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key is AfterKey or BeforeKey)
            {
                if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    error = $"Filter term '{key}' needs an ISO 8601 time such as 2026-01-31T12:00:00Z, not '{value}'.";
                    return false;
                }

                if ((key == AfterKey ? after : before) is not null)
                {
                    error = $"Filter term '{key}' appears twice.";
                    return false;
                }

                if (key == AfterKey)
                {
                    after = time;
                }
                else
                {
                    before = time;
                }

                continue;
            }

            error = MemoryTags.ValidateKey(key) ?? (key == MemoryTags.TimeKey ? "Filter on time with 'after' and 'before'." : null)
                ?? (value.Length == 0 ? $"Filter term '{key}' has no value." : null)
                ?? (!tags.TryAdd(key, value) ? $"Filter term '{key}' appears twice." : null);
            if (error is not null)
            {
                return false;
            }
        }

        if (after is not null && before is not null && after >= before)
        {
            error = "Filter term 'after' must be earlier than 'before'.";
            return false;
        }

        filter = new MemoryFilter { Tags = tags.ToFrozenDictionary(StringComparer.Ordinal), After = after, Before = before };
        return true;
    }
}
