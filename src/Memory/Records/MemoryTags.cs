using System.Collections.Frozen;

namespace ChatCouncil.Memory.Records;

/// <summary>
/// What a record is about and where it came from: the well-known tags searches filter on (source, platform, channel,
/// author, time) plus free tags. Keys are lower-case <c>[a-z0-9_.-]</c>, at most 64 characters; values at most 256.
/// </summary>
public sealed record MemoryTags
{
    public const string SourceKey = "source";
    public const string PlatformKey = "platform";
    public const string ChannelKey = "channel";
    public const string AuthorKey = "author";

    /// <summary>The reserved key for <see cref="Time"/> in filters.</summary>
    public const string TimeKey = "time";

    public const int MaxKeyLength = 64;
    public const int MaxValueLength = 256;

    public static MemoryTags Empty { get; } = new();

    public string? Source { get; init; }

    public string? Platform { get; init; }

    public string? Channel { get; init; }

    public string? Author { get; init; }

    /// <summary>When the remembered thing happened (not when it was stored).</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Free tags; a well-known key here is ignored in favour of its property.</summary>
    public IReadOnlyDictionary<string, string> Extra { get; init; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The value of a tag by key, well-known or free; null when absent.</summary>
    public string? this[string key] => key switch
    {
        SourceKey => Source,
        PlatformKey => Platform,
        ChannelKey => Channel,
        AuthorKey => Author,
        _ => Extra.GetValueOrDefault(key),
    };

    /// <summary>Every string tag, well-known ones first, keys in ordinal order after them (the stored form).</summary>
    public IReadOnlyDictionary<string, string> ToDictionary()
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Extra)
        {
            all[key] = value;
        }

        Put(all, SourceKey, Source);
        Put(all, PlatformKey, Platform);
        Put(all, ChannelKey, Channel);
        Put(all, AuthorKey, Author);
        return all;
    }

    /// <summary>Builds tags from stored or submitted key/value pairs.</summary>
    /// <exception cref="ArgumentException">A key or value breaks the rules; the message names it.</exception>
    public static MemoryTags FromDictionary(IReadOnlyDictionary<string, string>? tags, DateTimeOffset? time)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        string? source = null, platform = null, channel = null, author = null;
        foreach (var (key, value) in tags ?? FrozenDictionary<string, string>.Empty)
        {
            if (ValidateKey(key) is { } keyError)
            {
                throw new ArgumentException(keyError, nameof(tags));
            }

            if (value is null || value.Length > MaxValueLength)
            {
                throw new ArgumentException($"The value of tag '{key}' must be a string of at most {MaxValueLength} characters.", nameof(tags));
            }

            switch (key)
            {
                case SourceKey: source = value; break;
                case PlatformKey: platform = value; break;
                case ChannelKey: channel = value; break;
                case AuthorKey: author = value; break;
                case TimeKey: throw new ArgumentException("'time' is not a free tag; set the time itself.", nameof(tags));
                default: extra[key] = value; break;
            }
        }

        return new MemoryTags
        {
            Source = source,
            Platform = platform,
            Channel = channel,
            Author = author,
            Time = time,
            Extra = extra.ToFrozenDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>Null when <paramref name="key"/> is a valid tag key; otherwise the reason it is not.</summary>
    public static string? ValidateKey(string? key)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return $"A tag key must be 1 to {MaxKeyLength} characters.";
        }

        foreach (var c in key)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('_' or '.' or '-'))
            {
                return $"Tag key '{key}' may contain only lower-case ASCII letters, digits, '_', '.' and '-'.";
            }
        }

        return null;
    }

    public bool Equals(MemoryTags? other) =>
        other is not null && Time == other.Time && ToDictionary().OrderBy(p => p.Key, StringComparer.Ordinal)
            .SequenceEqual(other.ToDictionary().OrderBy(p => p.Key, StringComparer.Ordinal));

    public override int GetHashCode() => HashCode.Combine(Time, Source, Platform, Channel, Author, Extra.Count);

    private static void Put(SortedDictionary<string, string> all, string key, string? value)
    {
        if (value is not null)
        {
            all[key] = value;
        }
    }
}
