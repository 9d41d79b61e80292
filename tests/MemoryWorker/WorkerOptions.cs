using System.Globalization;

namespace ChatCouncil.MemoryWorker;

/// <summary>
/// <c>--role write|search --provider sqlite|postgres --database PATH|CONNECTION --run ID</c>, and <c>--writer N --count N</c>
/// for writers, <c>--stop FILE --writers N --count N</c> for the searcher, <c>--redis HOST:PORT --channel NAME</c> for both.
/// </summary>
public sealed record WorkerOptions(string Role, string Provider, string Database, string Run, int Writer, int Count, int Writers,
    string? StopFile, string? Redis, string? Channel)
{
    public static WorkerOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required.");
        int Number(string name) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : 0;
        return new WorkerOptions(Required("role"), Required("provider"), Required("database"), Required("run"), Number("writer"), Number("count"),
            Number("writers"), values.GetValueOrDefault("stop"), values.GetValueOrDefault("redis"), values.GetValueOrDefault("channel"));
    }
}
