namespace ChatCouncil.Connectors.Outbound;

/// <summary>The pieces of one reply already posted, by index, so a retried send resumes after the last one.</summary>
public sealed class DeliveryProgress
{
    private readonly SortedDictionary<int, string> _posted = [];

    public IReadOnlyList<string> MessageIds => [.. _posted.Values];

    public bool TryGetPosted(int index, out string messageId) => _posted.TryGetValue(index, out messageId!);

    public void RecordPosted(int index, string messageId) => _posted[index] = messageId;
}
