using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Storage.Sqlite;
using ChatCouncil.MemoryBench;

// Memory benchmark: the in-process vector index at 100k x 384 (search p50/p99, recall@10 against exact search, resident
// memory) and SQLite ingestion and hybrid search (excluding model time). Writes the vectors, queries and exact answers
// to --out so bench/memory-hnswlib measures hnswlib-node on the very same data in the same run.
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => args[x.i + 1], StringComparer.Ordinal);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var chunks = Option("chunks", 100_000);
var dims = Option("dims", 384);
var queries = Option("queries", 500);
var ingest = Option("ingest", 20_000);
var output = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetTempPath(), "chatcouncil-memory-bench");
Directory.CreateDirectory(output);

var data = new SyntheticVectors(dims, topics: 1000, seed: 42);
var vectors = Enumerable.Range(0, chunks).Select(_ => data.Next(0.04f)).ToArray();
var questions = Enumerable.Range(0, queries).Select(_ => data.Next(0.04f)).ToArray();

var rssBefore = Environment.WorkingSet;
var build = Stopwatch.StartNew();
var index = new VectorIndex(dims, chunks);
var document = new IndexedDocument("bench", MemoryTags.Empty);
for (var i = 0; i < chunks; i++)
{
    index.Add(i, vectors[i], document);
}

build.Stop();
GC.Collect();
var indexBytes = Environment.WorkingSet - rssBefore;

var exactTimes = new List<double>();
var truth = new long[queries][];
for (var q = 0; q < queries; q++)
{
    var sw = Stopwatch.StartNew();
    truth[q] = [.. index.SearchExact(questions[q], 10).Select(m => m.ChunkId)];
    exactTimes.Add(sw.Elapsed.TotalMilliseconds);
}

var times = new List<double>();
var found = 0;
for (var q = 0; q < queries; q++)
{
    var sw = Stopwatch.StartNew();
    var result = index.Search(questions[q], 10);
    times.Add(sw.Elapsed.TotalMilliseconds);
    found += result.Count(m => truth[q].Contains(m.ChunkId));
}

exactTimes.Sort();
times.Sort();

// Ingestion into SQLite: documents of 10 chunks with ready vectors, so only storage and indexing are timed.
var dbPath = Path.Combine(output, "ingest.db");
File.Delete(dbPath);
var store = SqliteMemoryStore.ForFile(dbPath);
await store.InitializeAsync(CancellationToken.None);
var ns = MemoryNamespace.Agent("bench");
var ingestTimer = Stopwatch.StartNew();
for (var d = 0; d < ingest / 10; d++)
{
    await store.UpsertDocumentAsync(ns, new NewMemoryDocument($"doc{d}", "text/plain", MemoryTags.Empty, "synthetic", DateTimeOffset.UnixEpoch),
        Chunks(d), CancellationToken.None);
}

ingestTimer.Stop();
var hybridTimes = new List<double>();
await store.SearchAsync(ns, new MemoryQuery("warm up", questions[0]), CancellationToken.None);
for (var q = 0; q < Math.Min(queries, 200); q++)
{
    var sw = Stopwatch.StartNew();
    await store.SearchAsync(ns, new MemoryQuery($"what about word{q % 997}?", questions[q]), CancellationToken.None);
    hybridTimes.Add(sw.Elapsed.TotalMilliseconds);
}

hybridTimes.Sort();
var report = new
{
    runtime = RuntimeInformation.FrameworkDescription,
    cores = Environment.ProcessorCount,
    chunks,
    dims,
    queries,
    index = new
    {
        buildSeconds = build.Elapsed.TotalSeconds,
        searchP50Ms = Percentiles.Of(times, 0.5),
        searchP99Ms = Percentiles.Of(times, 0.99),
        exactP50Ms = Percentiles.Of(exactTimes, 0.5),
        exactP99Ms = Percentiles.Of(exactTimes, 0.99),
        recallAt10 = found / (10.0 * queries),
        residentMiB = indexBytes / 1048576.0,
    },
    sqlite = new
    {
        ingestedChunks = ingest,
        chunksPerSecond = ingest / ingestTimer.Elapsed.TotalSeconds,
        hybridP50Ms = Percentiles.Of(hybridTimes, 0.5),
        hybridP99Ms = Percentiles.Of(hybridTimes, 0.99),
    },
    processResidentMiB = Environment.WorkingSet / 1048576.0,
};
var json = JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true });
await File.WriteAllTextAsync(Path.Combine(output, "chatcouncil.json"), json);
Console.WriteLine(json);

WriteFloats(Path.Combine(output, "vectors.f32"), vectors);
WriteFloats(Path.Combine(output, "queries.f32"), questions);
await File.WriteAllTextAsync(Path.Combine(output, "truth.json"), JsonSerializer.Serialize(truth));
return 0;

async IAsyncEnumerable<MemoryChunk> Chunks(int d)
{
    for (var c = 0; c < 10; c++)
    {
        await Task.CompletedTask;
        var i = (d * 10) + c;
        yield return new MemoryChunk(c, $"chunk {i} of topic word{i % 997} with some ordinary report text", vectors[i % vectors.Length]);
    }
}

static void WriteFloats(string path, float[][] rows)
{
    using var file = File.Create(path);
    foreach (var row in rows)
    {
        file.Write(MemoryMarshal.AsBytes(row.AsSpan()));
    }
}
