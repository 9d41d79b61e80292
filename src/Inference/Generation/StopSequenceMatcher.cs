using System.Text;

namespace ChatCouncil.Inference.Generation;

/// <summary>
/// Holds back streamed text that could still turn into a stop sequence, so a stop string never
/// reaches the client half-printed.
/// </summary>
internal sealed class StopSequenceMatcher(IReadOnlyList<string> stops)
{
    private readonly StringBuilder _pending = new();

    public bool Stopped { get; private set; }

    /// <summary>Adds text and returns what can be released now.</summary>
    public string Push(string text)
    {
        if (stops.Count == 0)
        {
            return text;
        }

        _pending.Append(text);
        var pending = _pending.ToString();
        foreach (var stop in stops)
        {
            var at = pending.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0)
            {
                Stopped = true;
                _pending.Clear();
                return pending[..at];
            }
        }

        var keep = 0;
        foreach (var stop in stops)
        {
            for (var len = Math.Min(stop.Length - 1, pending.Length); len > keep; len--)
            {
                if (pending.AsSpan(pending.Length - len).SequenceEqual(stop.AsSpan(0, len)))
                {
                    keep = len;
                    break;
                }
            }
        }

        _pending.Clear();
        _pending.Append(pending, pending.Length - keep, keep);
        return pending[..^keep];
    }

    /// <summary>Releases whatever is held back (the generation ended without a stop sequence).</summary>
    public string Flush()
    {
        var rest = _pending.ToString();
        _pending.Clear();
        return rest;
    }
}
