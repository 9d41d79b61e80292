using System.Text;
using System.Text.Json;
using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Storage;

namespace ChatCouncil.Memory.Snapshots;

/// <summary>
/// A namespace as JSON Lines, for backup and for moving between stores (SQLite to PostgreSQL, one namespace to
/// another): a <see cref="SnapshotHeader"/> line, then one <see cref="SnapshotDocument"/> per line in id order, vectors
/// included. Both directions stream one document at a time. An import replaces documents with the same ids and
/// keeps the others.
/// </summary>
public sealed class MemorySnapshots(IMemoryStore store, TimeProvider time)
{
    public const string ContentType = "application/x-ndjson";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    /// <returns>The number of documents written.</returns>
    public async Task<int> ExportAsync(MemoryNamespace ns, Stream output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        await WriteLineAsync(output, new SnapshotHeader(SnapshotHeader.FormatName, SnapshotHeader.CurrentVersion, ns.ToString(), time.GetUtcNow()), cancellationToken);
        var count = 0;
        await foreach (var document in store.ReadAllDocumentsAsync(ns, cancellationToken))
        {
            var chunks = await store.GetChunksWithVectorsAsync(ns, document.Id, cancellationToken);
            await WriteLineAsync(output, new SnapshotDocument(document.Id, document.ContentType, document.Title, document.Link,
                document.Tags.ToDictionary(), document.Tags.Time, document.EmbeddingModel, document.UpdatedAt,
                [.. chunks.Select(c => new SnapshotChunk(c.Index, c.Text, c.Vector.ToArray()))]), cancellationToken);
            count++;
        }

        return count;
    }

    /// <summary>Imports into <paramref name="ns"/>, whatever namespace the snapshot was taken from.</summary>
    /// <returns>The number of documents imported.</returns>
    /// <exception cref="InvalidDocumentException">The input is not a snapshot; the message names the line.</exception>
    public async Task<int> ImportAsync(MemoryNamespace ns, Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var reader = new StreamReader(input, Encoding.UTF8, leaveOpen: true);
        var header = Parse<SnapshotHeader>(await reader.ReadLineAsync(cancellationToken), 1);
        if (header.Format != SnapshotHeader.FormatName || header.Version != SnapshotHeader.CurrentVersion)
        {
            throw new InvalidDocumentException(
                $"Line 1 is not a {SnapshotHeader.FormatName} version {SnapshotHeader.CurrentVersion} snapshot header.");
        }

        var count = 0;
        var lineNumber = 1;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var document = Parse<SnapshotDocument>(line, lineNumber);
            MemoryTags tags;
            try
            {
                tags = MemoryTags.FromDictionary(document.Tags, document.Time);
            }
            catch (ArgumentException ex)
            {
                throw new InvalidDocumentException($"Line {lineNumber}: {ex.Message}", ex);
            }

            var stored = new NewMemoryDocument(document.Id, document.ContentType, tags, document.EmbeddingModel, document.UpdatedAt, document.Title, document.Link);
            await store.UpsertDocumentAsync(ns, stored, Chunks(document), cancellationToken);
            count++;
        }

        return count;
    }

    private static T Parse<T>(string? line, int lineNumber)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(line ?? string.Empty, Json)
                ?? throw new InvalidDocumentException($"Line {lineNumber} is empty.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDocumentException($"Line {lineNumber} is not a valid snapshot line: {ex.Message}", ex);
        }
    }

#pragma warning disable CS1998 // The store consumes chunks as an async stream; these are already parsed.
    private static async IAsyncEnumerable<MemoryChunk> Chunks(SnapshotDocument document)
    {
        foreach (var chunk in document.Chunks ?? [])
        {
            yield return new MemoryChunk(chunk.Index, chunk.Text, chunk.Vector);
        }
    }
#pragma warning restore CS1998

    private static async Task WriteLineAsync<T>(Stream output, T value, CancellationToken cancellationToken)
    {
        await JsonSerializer.SerializeAsync(output, value, Json, cancellationToken);
        await output.WriteAsync(NewLine, cancellationToken);
    }
}
