using System.Collections;

namespace ChatCouncil.BotHost.Logging;

/// <summary>A logging scope holding one property, <c>RequestId</c>; structured loggers write it as a field.</summary>
internal sealed class RequestIdScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "RequestId";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{PropertyName}:{requestId}";
}
