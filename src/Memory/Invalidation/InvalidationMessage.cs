using System.Globalization;
using ChatCouncil.Memory.Namespaces;

namespace ChatCouncil.Memory.Invalidation;

/// <summary>The wire form of one invalidation: <c>&lt;version&gt; &lt;namespace&gt;</c>, e.g. <c>42 agent:support</c>.</summary>
internal static class InvalidationMessage
{
    public static string Format(MemoryNamespace ns, long version) =>
        string.Create(CultureInfo.InvariantCulture, $"{version} {ns}");

    public static bool TryParse(string? message, out MemoryNamespace ns, out long version)
    {
        ns = default;
        version = 0;
        var space = message?.IndexOf(' ', StringComparison.Ordinal) ?? -1;
        return space > 0
            && long.TryParse(message.AsSpan(0, space), NumberStyles.None, CultureInfo.InvariantCulture, out version)
            && MemoryNamespace.TryParse(message![(space + 1)..], out ns);
    }
}
