namespace ChatCouncil.Memory.Snapshots;

/// <summary>The first line of a snapshot: what it is, its format version and the namespace it was taken from.</summary>
public sealed record SnapshotHeader(string Format, int Version, string Namespace, DateTimeOffset TakenAt)
{
    public const string FormatName = "chatcouncil-memory";
    public const int CurrentVersion = 1;
}
