namespace ChatCouncil.Memory.Records;

/// <summary>Rules for document ids: 1–200 characters of ASCII letters, digits and <c>. _ - : @</c>, so they fit in a URL segment.</summary>
public static class MemoryDocumentId
{
    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="id"/> is a valid document id; otherwise the reason it is not.</summary>
    public static string? Validate(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxLength)
        {
            return $"A document id must be 1 to {MaxLength} characters.";
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-' or ':' or '@'))
            {
                return $"Document id '{id}' may contain only ASCII letters, digits, '.', '_', '-', ':' and '@'.";
            }
        }

        return null;
    }

    /// <summary>A new random id for records added without one.</summary>
    public static string New() => Guid.NewGuid().ToString("N");
}
