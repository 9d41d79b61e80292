using System.Text;
using ChatCouncil.Memory.Ask;
using ChatCouncil.Memory.Embeddings;
using ChatCouncil.Memory.Extraction;
using ChatCouncil.Memory.Ingestion;
using ChatCouncil.Memory.Namespaces;
using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;
using ChatCouncil.Memory.Snapshots;
using ChatCouncil.Memory.Sync;
using ChatCouncil.Memory.Storage;
using ChatCouncil.Memory.Tests.Ask;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Memory.Tests.Storage;

/// <summary>
/// What every <see cref="IMemoryStore"/> backend must do. Each backend's test class derives from this and supplies
/// stores on one database of its own; several store instances on that database stand for several processes. Tests use
/// namespaces of their own, so they can share the database.
/// </summary>
public abstract class MemoryStoreConformanceTests : IAsyncLifetime
{
    private static readonly LexicalEmbeddingGenerator Embedder = new();
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    /// <summary>Creates the database (once per test class instance) and applies the schema.</summary>
    protected abstract Task CreateDatabaseAsync();

    /// <summary>A new store instance on the test's database, with an empty vector index cache, as another process would have.</summary>
    protected abstract IMemoryStore CreateStore(TimeProvider? time = null);

    /// <summary>Full-text index entries that match <paramref name="word"/>, read from the backend's index itself.</summary>
    protected abstract Task<long> CountFullTextEntriesAsync(string word);

    public virtual async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        await CreateStore().InitializeAsync(CancellationToken.None);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task InitializeAsync_RunTwice_IsHarmless()
    {
        var store = CreateStore();
        await store.InitializeAsync(CancellationToken.None);
        await Task.WhenAll(CreateStore().InitializeAsync(CancellationToken.None), CreateStore().InitializeAsync(CancellationToken.None));
        Assert.False(await store.NamespaceExistsAsync(NewAgent(), CancellationToken.None));
    }

    [Fact]
    public async Task Search_SameTextInTwoNamespaces_ReturnsOnlyTheAskedNamespace()
    {
        var store = CreateStore();
        var (a, b) = (NewAgent(), NewAgent());
        await UpsertAsync(store, a, "shared", ["The deploy key rotates every ninety days."]);
        await UpsertAsync(store, b, "shared", ["The deploy key rotates every ninety days."]);
        await UpsertAsync(store, b, "only-b", ["Deploy keys live in the vault."]);

        var hits = await SearchAsync(store, a, "deploy key rotation");

        var hit = Assert.Single(hits);
        Assert.Equal("shared", hit.DocumentId);
        Assert.Empty(await SearchAsync(store, NewAgent(), "deploy key rotation"));
        Assert.True(await store.NamespaceExistsAsync(a, CancellationToken.None));
        Assert.False(await store.NamespaceExistsAsync(MemoryNamespace.Conversation(Guid.NewGuid().ToString("N")), CancellationToken.None));
    }

    [Fact]
    public async Task Search_WithTagFilter_ReturnsOnlyMatchingRecordsFromBothRankings()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "slack-old", ["incident review for the payments outage"], Tags("slack", "C1", Now.AddDays(-10)));
        await UpsertAsync(store, ns, "slack-new", ["incident review for the payments outage"], Tags("slack", "C1", Now));
        await UpsertAsync(store, ns, "discord", ["incident review for the payments outage"], Tags("discord", "C1", Now));
        await UpsertAsync(store, ns, "untagged", ["incident review for the payments outage"], MemoryTags.Empty);

        var slack = await SearchAsync(store, ns, "payments incident", MemoryFilter.Parse("platform=slack,channel=C1"));
        var recentSlack = await SearchAsync(store, ns, "payments incident", MemoryFilter.Parse($"platform=slack,after={Now.AddDays(-1):O}"));

        Assert.Equal(["slack-new", "slack-old"], slack.Select(h => h.DocumentId).Order(StringComparer.Ordinal));
        Assert.All(slack, h => Assert.NotNull(h.VectorRank));
        Assert.All(slack, h => Assert.NotNull(h.TextRank));
        Assert.Equal("slack-new", Assert.Single(recentSlack).DocumentId);
        Assert.Empty(await SearchAsync(store, ns, "payments incident", MemoryFilter.Parse("platform=teams")));
    }

    [Fact]
    public async Task Search_ChunkRankedFirstByBoth_ComesFirstWithBothRanks()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "exact", ["kubernetes deployment rollback procedure"]);
        await UpsertAsync(store, ns, "partial", ["a rollback is sometimes needed after lunch"]);
        await UpsertAsync(store, ns, "other", ["the cafeteria menu changes on mondays"]);

        var hits = await SearchAsync(store, ns, "kubernetes deployment rollback");

        Assert.Equal("exact", hits[0].DocumentId);
        Assert.Equal(1, hits[0].VectorRank);
        Assert.Equal(1, hits[0].TextRank);
        Assert.Equal(2.0 / 61, hits[0].Score, 9);
        Assert.Equal("partial", hits[1].DocumentId);
        Assert.Equal(2, hits[1].TextRank);
        var other = Assert.Single(hits, h => h.DocumentId == "other");
        Assert.Null(other.TextRank);
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public async Task Search_WithRelevanceFloor_DropsWeakVectorMatchesButKeepsTextMatches()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "close", ["quarterly budget planning spreadsheet"]);
        await UpsertAsync(store, ns, "far", ["zebra crossings near the harbour"]);
        await UpsertAsync(store, ns, "word", ["budget"]);

        var hits = await SearchAsync(store, ns, "quarterly budget planning", minRelevance: 0.5);

        Assert.Contains(hits, h => h.DocumentId == "close" && h.Similarity >= 0.5);
        Assert.DoesNotContain(hits, h => h.DocumentId == "far");
        Assert.Contains(hits, h => h.DocumentId == "word" && h.TextRank is not null);
        Assert.All(hits.Where(h => h.Similarity is not null), h => Assert.True(h.Similarity >= 0.5));
    }

    [Fact]
    public async Task Upsert_SameDocumentAgain_ReplacesItsChunks()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "runbook", ["step one: drain the aardvark queue", "step two: restart the brontosaurus worker", "step three: page oncall"]);

        var replaced = await UpsertAsync(store, ns, "runbook", ["new runbook: just restart the cluster"]);

        Assert.Equal(1, replaced.ChunkCount);
        var chunk = Assert.Single(await store.GetChunksAsync(ns, "runbook", CancellationToken.None));
        Assert.Equal("new runbook: just restart the cluster", chunk.Text);
        Assert.DoesNotContain(await SearchAsync(store, ns, "aardvark brontosaurus"), h => h.Text.Contains("aardvark", StringComparison.Ordinal));
        Assert.Equal(0, await CountFullTextEntriesAsync("aardvark"));
        Assert.Equal(1, (await store.GetDocumentAsync(ns, "runbook", CancellationToken.None))!.ChunkCount);
    }

    [Fact]
    public async Task Upsert_ChunkSourceFailsPartWay_LeavesThePreviousVersion()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "doc", ["the original text about capybaras"]);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.UpsertDocumentAsync(
            ns, Document("doc"), FailingChunks("replacement text about wombats"), CancellationToken.None));

        Assert.Equal("the original text about capybaras", Assert.Single(await store.GetChunksAsync(ns, "doc", CancellationToken.None)).Text);
        Assert.Equal(0, await CountFullTextEntriesAsync("wombats"));
        Assert.Equal("doc", Assert.Single(await SearchAsync(store, ns, "capybaras")).DocumentId);
    }

    [Fact]
    public async Task Delete_ExistingDocument_RemovesChunksVectorsAndFullTextRows()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "keep", ["unrelated notes about lunch"]);
        await UpsertAsync(store, ns, "gone", ["the quokka migration plan", "quokka rollback notes"]);
        Assert.NotEmpty(await SearchAsync(store, ns, "quokka migration"));

        Assert.True(await store.DeleteDocumentAsync(ns, "gone", CancellationToken.None));

        Assert.Null(await store.GetDocumentAsync(ns, "gone", CancellationToken.None));
        Assert.Empty(await store.GetChunksAsync(ns, "gone", CancellationToken.None));
        Assert.Equal(0, await CountFullTextEntriesAsync("quokka"));
        Assert.DoesNotContain(await SearchAsync(store, ns, "quokka migration"), h => h.DocumentId == "gone");
        Assert.DoesNotContain(await SearchAsync(CreateStore(), ns, "quokka migration"), h => h.DocumentId == "gone");
        Assert.False(await store.DeleteDocumentAsync(ns, "gone", CancellationToken.None));
        Assert.NotNull(await store.GetDocumentAsync(ns, "keep", CancellationToken.None));
    }

    [Fact]
    public async Task Search_AfterAnotherInstanceWrites_SeesTheWrite()
    {
        var (reader, writer) = (CreateStore(), CreateStore());
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "first", ["pelican feeding schedule"]);
        Assert.Single(await SearchAsync(reader, ns, "pelican"));

        await UpsertAsync(writer, ns, "second", ["pelican nesting season"]);
        Assert.Equal(2, (await SearchAsync(reader, ns, "pelican")).Count);

        await writer.DeleteDocumentAsync(ns, "first", CancellationToken.None);
        Assert.Equal("second", Assert.Single(await SearchAsync(reader, ns, "pelican", minRelevance: 0.2)).DocumentId);
    }

    [Fact]
    public async Task Upsert_TwoWritersWhileAThirdSearches_AllWritesLandAndAreFound()
    {
        var ns = NewAgent();
        var writers = new[] { CreateStore(), CreateStore() };
        var searcher = CreateStore();
        await UpsertAsync(writers[0], ns, "seed", ["flamingo seed document"]);
        using var done = new CancellationTokenSource();
        var searches = 0;
        var searching = new TaskCompletionSource();
        var searcherTask = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                Assert.NotEmpty(await SearchAsync(searcher, ns, "flamingo"));
                searches++;
                searching.TrySetResult();
            }
        });
        await searching.Task;

        await Task.WhenAll(writers.Select((store, w) => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await UpsertAsync(store, ns, $"w{w}-{i}", [$"flamingo note {w} {i}"]);
            }
        })));
        await done.CancelAsync();
        await searcherTask;

        Assert.True(searches >= 1);
        Assert.Equal(21, (await searcher.ListDocumentsAsync(ns, MemoryFilter.None, 100, CancellationToken.None)).Count);
        Assert.Equal(21, (await SearchAsync(searcher, ns, "flamingo note", limit: 50)).Select(h => h.DocumentId).Distinct().Count());
    }

    [Fact]
    public async Task Search_ParallelSearchesWhileAnotherInstanceWrites_NeverFail()
    {
        var (searcher, writer) = (CreateStore(), CreateStore());
        var ns = NewAgent();
        await UpsertAsync(writer, ns, "seed", ["gannet colony survey"]);
        using var done = new CancellationTokenSource();

        // Every write by the other instance makes the next search reload the index while parallel searches may still
        // hold the previous one.
        var searches = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                Assert.NotEmpty(await SearchAsync(searcher, ns, "gannet survey"));
            }
        })).ToList();
        for (var i = 0; i < 15; i++)
        {
            await UpsertAsync(writer, ns, $"d{i}", [$"gannet note {i}"]);
        }

        await done.CancelAsync();
        await Task.WhenAll(searches);
        Assert.Equal(16, (await SearchAsync(searcher, ns, "gannet", limit: 50)).Count);
    }

    [Fact]
    public async Task ListDocuments_WithFilter_ReturnsMatchesNewestFirst()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "a", ["one"], Tags("slack", "C1", Now), updatedAt: Now.AddMinutes(1));
        await UpsertAsync(store, ns, "b", ["two"], Tags("slack", "C2", Now), updatedAt: Now.AddMinutes(3));
        await UpsertAsync(store, ns, "c", ["three"], Tags("discord", "C1", Now), updatedAt: Now.AddMinutes(2));

        var slack = await store.ListDocumentsAsync(ns, MemoryFilter.Parse("platform=slack"), 10, CancellationToken.None);
        var all = await store.ListDocumentsAsync(ns, MemoryFilter.None, 10, CancellationToken.None);

        Assert.Equal(["b", "a"], slack.Select(d => d.Id));
        Assert.Equal(["b", "c", "a"], all.Select(d => d.Id));
        Assert.Equal("C2", all[0].Tags.Channel);
        Assert.Equal(Now, all[0].Tags.Time);
        Assert.Equal(Now.AddMinutes(3), all[0].UpdatedAt);
        Assert.Equal(LexicalEmbeddingGenerator.ModelId, all[0].EmbeddingModel);
    }

    [Fact]
    public async Task GetDocument_RoundTripsMetadataAndFreeTags()
    {
        var store = CreateStore();
        var ns = MemoryNamespace.Conversation(Guid.NewGuid().ToString("N"));
        var tags = MemoryTags.FromDictionary(new Dictionary<string, string> { ["source"] = "upload", ["author"] = "ada", ["team-name"] = "ops" }, Now);
        await store.UpsertDocumentAsync(ns, Document("d1", tags) with { Title = "Runbook", Link = "https://wiki/runbook" },
            Chunks("alpha beta"), CancellationToken.None);

        var document = await store.GetDocumentAsync(ns, "d1", CancellationToken.None);

        Assert.NotNull(document);
        Assert.Equal("Runbook", document.Title);
        Assert.Equal("https://wiki/runbook", document.Link);
        Assert.Equal("text/plain", document.ContentType);
        Assert.Equal(tags, document.Tags);
        Assert.Equal("ops", document.Tags["team-name"]);
        Assert.Null(await store.GetDocumentAsync(NewAgent(), "d1", CancellationToken.None));
    }

    [Fact]
    public async Task Ask_AfterIngestingDocuments_AnswersWithCitationsOfTheRightChunk()
    {
        var store = CreateStore();
        var ns = NewAgent();
        var ingestor = new MemoryIngestor(store, Embedder, ContentExtractors.Default, new ChunkingOptions { ChunkTokens = 24, OverlapTokens = 4 }, new FakeTimeProvider(Now));
        await IngestAsync(ingestor, ns, "runbook", "text/markdown", """
            # Billing runbook

            When the billing worker stalls, restart it with `svc restart billing` and watch the queue depth.

            ## Escalation

            If restarting does not help within ten minutes, page the payments team lead.
            """, "Billing runbook", "https://wiki.example/billing");
        await IngestAsync(ingestor, ns, "menu", "text/plain", "The cafeteria serves soup on Fridays.", null, null);
        var chat = new TestChatClient(messages => messages[^1].Text.Contains("svc restart billing", StringComparison.Ordinal)
            ? "Restart it with svc restart billing [1]." : "I do not know.");
        var asker = new MemoryAsker(new MemorySearcher(store, Embedder), chat);

        var answer = await asker.AskAsync(ns, "how do I restart the billing worker?", null, sources: 3, minRelevance: 0.1, null, CancellationToken.None);

        Assert.Equal("Restart it with svc restart billing [1].", answer.Text);
        var citation = Assert.Single(answer.Citations);
        Assert.Equal((1, "runbook", "https://wiki.example/billing", "Billing runbook"), (citation.Number, citation.DocumentId, citation.Link, citation.Title));
        Assert.Contains("svc restart billing", citation.Snippet, StringComparison.Ordinal);
        var chunk = (await store.GetChunksAsync(ns, "runbook", CancellationToken.None))[citation.ChunkIndex];
        Assert.Contains("svc restart billing", chunk.Text, StringComparison.Ordinal);
        Assert.True((await store.GetDocumentAsync(ns, "runbook", CancellationToken.None))!.ChunkCount > 1);
        Assert.Equal("test-model", answer.ModelId);
    }

    [Fact]
    public async Task Ask_NothingRelevant_SaysSoWithoutCallingTheModel()
    {
        var store = CreateStore();
        var ns = NewAgent();
        var chat = new TestChatClient(_ => "invented");
        var asker = new MemoryAsker(new MemorySearcher(store, Embedder), chat);

        var answer = await asker.AskAsync(ns, "what is the wifi password?", null, 3, 0.2, null, CancellationToken.None);

        Assert.Equal(MemoryAsker.NothingFound, answer.Text);
        Assert.Empty(answer.Sources);
        Assert.Empty(chat.Calls);
    }

    [Fact]
    public async Task Promote_NewerMemory_ReplacesOlderWhateverThePriority()
    {
        var store = CreateStore();
        var (low, high) = (NewAgentId(), NewAgentId());
        var key = "deploy-freeze-" + NewAgentId();
        await UpsertAsync(store, MemoryNamespace.Agent(high), "m", ["freeze starts friday"], new MemoryTags { Time = Now });
        await UpsertAsync(store, MemoryNamespace.Agent(low), "m", ["freeze moved to monday"], new MemoryTags { Time = Now.AddMinutes(5) });
        var promoter = new MemoryPromoter(store);

        var first = await promoter.PromoteAsync(high, 10, "m", key, CancellationToken.None);
        var second = await promoter.PromoteAsync(low, 1, "m", key, CancellationToken.None);
        var again = await promoter.PromoteAsync(high, 10, "m", key, CancellationToken.None);

        Assert.True(first.Promoted);
        Assert.True(second.Promoted);
        Assert.False(again.Promoted);
        Assert.Equal(low, again.Holder.Tags[PromotionTags.Agent]);
        Assert.Equal("freeze moved to monday", Assert.Single(await store.GetChunksAsync(MemoryNamespace.Global, key, CancellationToken.None)).Text);
        Assert.Equal(key, Assert.Single(await SearchAsync(store, MemoryNamespace.Global, "freeze monday"), h => h.DocumentId == key).DocumentId);
    }

    [Fact]
    public async Task Promote_SameTime_HigherPriorityWinsInEitherOrder()
    {
        var store = CreateStore();
        var (low, high) = (NewAgentId(), NewAgentId());
        await UpsertAsync(store, MemoryNamespace.Agent(low), "m", ["low says blue"], new MemoryTags { Time = Now });
        await UpsertAsync(store, MemoryNamespace.Agent(high), "m", ["high says green"], new MemoryTags { Time = Now });
        var promoter = new MemoryPromoter(store);
        var (keyA, keyB) = ("color-a-" + NewAgentId(), "color-b-" + NewAgentId());

        await promoter.PromoteAsync(low, 1, "m", keyA, CancellationToken.None);
        await promoter.PromoteAsync(high, 5, "m", keyA, CancellationToken.None);
        await promoter.PromoteAsync(high, 5, "m", keyB, CancellationToken.None);
        var lowLoses = await promoter.PromoteAsync(low, 1, "m", keyB, CancellationToken.None);

        Assert.False(lowLoses.Promoted);
        foreach (var key in new[] { keyA, keyB })
        {
            var holder = await store.GetDocumentAsync(MemoryNamespace.Global, key, CancellationToken.None);
            Assert.Equal(high, holder!.Tags[PromotionTags.Agent]);
            Assert.Equal("5", holder.Tags[PromotionTags.Priority]);
        }
    }

    [Fact]
    public async Task Promote_ConcurrentAgents_EndWithTheSameWinnerEveryTime()
    {
        var store = CreateStore();
        var agents = Enumerable.Range(0, 6).Select(_ => NewAgentId()).ToArray();
        for (var i = 0; i < agents.Length; i++)
        {
            // Agents 0-2 share the newest time; among them agent 1 has the highest priority.
            var time = i < 3 ? Now : Now.AddHours(-i);
            await UpsertAsync(store, MemoryNamespace.Agent(agents[i]), "m", [$"value from {i}"], new MemoryTags { Time = time });
        }

        var key = "race-" + NewAgentId();
        var priorities = new[] { 3, 7, 3, 9, 9, 9 };
        await Task.WhenAll(agents.Select((agent, i) => Task.Run(() => new MemoryPromoter(CreateStore()).PromoteAsync(agent, priorities[i], "m", key, CancellationToken.None))));

        var holder = await store.GetDocumentAsync(MemoryNamespace.Global, key, CancellationToken.None);
        Assert.Equal(agents[1], holder!.Tags[PromotionTags.Agent]);
        Assert.Equal("value from 1", Assert.Single(await store.GetChunksAsync(MemoryNamespace.Global, key, CancellationToken.None)).Text);
    }

    [Fact]
    public async Task Promote_UnknownMemory_Throws() =>
        await Assert.ThrowsAsync<KeyNotFoundException>(() => new MemoryPromoter(CreateStore()).PromoteAsync(NewAgentId(), 1, "nope", null, CancellationToken.None));

    [Fact]
    public async Task Snapshot_ExportThenImportIntoAnotherNamespace_RoundTripsDocumentsChunksAndVectors()
    {
        var store = CreateStore();
        var (source, target) = (NewAgent(), NewAgent());
        var tags = MemoryTags.FromDictionary(new Dictionary<string, string> { ["platform"] = "slack", ["team"] = "ops" }, Now);
        await store.UpsertDocumentAsync(source, Document("a", tags) with { Title = "A", Link = "https://a" }, Chunks("alpha one", "alpha two"), CancellationToken.None);
        await UpsertAsync(store, source, "b", ["bravo"]);
        var snapshots = new MemorySnapshots(store, new FakeTimeProvider(Now));
        using var snapshot = new MemoryStream();

        Assert.Equal(2, await snapshots.ExportAsync(source, snapshot, CancellationToken.None));
        snapshot.Position = 0;
        Assert.Equal(2, await snapshots.ImportAsync(target, snapshot, CancellationToken.None));

        foreach (var id in new[] { "a", "b" })
        {
            Assert.Equal(await store.GetDocumentAsync(source, id, CancellationToken.None), await store.GetDocumentAsync(target, id, CancellationToken.None));
            var (before, after) = (await store.GetChunksWithVectorsAsync(source, id, CancellationToken.None), await store.GetChunksWithVectorsAsync(target, id, CancellationToken.None));
            Assert.Equal(before.Select(c => (c.Index, c.Text)), after.Select(c => (c.Index, c.Text)));
            Assert.Equal(before.Select(c => c.Vector.ToArray()), after.Select(c => c.Vector.ToArray()));
        }

        Assert.Equal("a", (await SearchAsync(store, target, "alpha", MemoryFilter.Parse("team=ops")))[0].DocumentId);
    }

    [Theory]
    [InlineData("", "Line 1")]
    [InlineData("{\"format\":\"other\",\"version\":1,\"namespace\":\"global\",\"takenAt\":\"2026-01-01T00:00:00Z\"}", "Line 1")]
    [InlineData("{\"format\":\"chatcouncil-memory\",\"version\":1,\"namespace\":\"global\",\"takenAt\":\"2026-01-01T00:00:00Z\"}\n{\"id\":\"x\"}", "Line 2")]
    public async Task Snapshot_ImportMalformed_ThrowsNamingTheLine(string content, string line)
    {
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var error = await Assert.ThrowsAsync<InvalidDocumentException>(() =>
            new MemorySnapshots(CreateStore(), new FakeTimeProvider(Now)).ImportAsync(NewAgent(), input, CancellationToken.None));

        Assert.StartsWith(line, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reembed_ModelChanged_ReplacesVectorsOfStaleDocumentsOnly()
    {
        var store = CreateStore();
        var ns = NewAgent();
        await UpsertAsync(store, ns, "old", ["the walrus inventory", "second walrus chunk"]);
        var small = new LexicalEmbeddingGenerator(dimensions: 64);
        await store.UpsertDocumentAsync(ns, Document("fresh") with { EmbeddingModel = "small-64" },
            OneChunk("already small", small.Embed("already small")), CancellationToken.None);

        var count = await new MemoryReembedder(store, small, "small-64").RunAsync(CancellationToken.None);

        Assert.True(count >= 1);
        Assert.Equal("small-64", (await store.GetDocumentAsync(ns, "old", CancellationToken.None))!.EmbeddingModel);
        var chunks = await store.GetChunksWithVectorsAsync(ns, "old", CancellationToken.None);
        Assert.Equal(["the walrus inventory", "second walrus chunk"], chunks.Select(c => c.Text));
        Assert.All(chunks, c => Assert.Equal(64, c.Vector.Length));
        var hits = await store.SearchAsync(ns, new MemoryQuery("walrus", small.Embed("walrus")), CancellationToken.None);
        Assert.Contains(hits, h => h.DocumentId == "old" && h.VectorRank is not null);
        await foreach (var stale in store.FindStaleDocumentsAsync("small-64", CancellationToken.None))
        {
            Assert.NotEqual(ns, stale.Namespace);
        }
    }

#pragma warning disable CS1998 // The store consumes chunks as an async stream.
    private static async IAsyncEnumerable<MemoryChunk> OneChunk(string text, float[] vector)
    {
        yield return new MemoryChunk(0, text, vector);
    }
#pragma warning restore CS1998

    [Fact]
    public async Task Value_WithTimeToLive_ReadsUntilItExpires()
    {
        var time = new FakeTimeProvider(Now);
        var store = (IMemoryValueStore)CreateStore(time);
        var ns = NewAgent();

        var set = await store.SetValueAsync(ns, "mood", "{\"level\":3}", TimeSpan.FromMinutes(5), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(4));
        var live = await store.GetValueAsync(ns, "mood", CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(Now.AddMinutes(5), set.ExpiresAt);
        Assert.Equal(set, live);
        Assert.Null(await store.GetValueAsync(ns, "mood", CancellationToken.None));
        Assert.False(await store.DeleteValueAsync(ns, "mood", CancellationToken.None));
    }

    [Fact]
    public async Task Value_SetAgainAndDelete_ReplacesThenRemovesOnlyInItsNamespace()
    {
        var store = (IMemoryValueStore)CreateStore(new FakeTimeProvider(Now));
        var (a, b) = (NewAgent(), NewAgent());
        await store.SetValueAsync(a, "k", "1", null, CancellationToken.None);
        await store.SetValueAsync(b, "k", "\"other\"", null, CancellationToken.None);

        await store.SetValueAsync(a, "k", "[1,2]", TimeSpan.FromDays(1), CancellationToken.None);

        Assert.Equal("[1,2]", (await store.GetValueAsync(a, "k", CancellationToken.None))!.Json);
        Assert.True(await store.DeleteValueAsync(a, "k", CancellationToken.None));
        Assert.Null(await store.GetValueAsync(a, "k", CancellationToken.None));
        var kept = await store.GetValueAsync(b, "k", CancellationToken.None);
        Assert.Equal("\"other\"", kept!.Json);
        Assert.Null(kept.ExpiresAt);
        await Assert.ThrowsAsync<ArgumentException>(() => store.SetValueAsync(a, "bad key", "1", null, CancellationToken.None));
    }

    [Fact]
    public async Task Session_OpenTouchExpireReopenClose_FollowsItsLifecycle()
    {
        var time = new FakeTimeProvider(Now);
        var sessions = (IMemorySessionStore)CreateStore(time);
        var id = "s-" + NewAgentId();

        var opened = await sessions.OpenSessionAsync(id, "conv-1", TimeSpan.FromMinutes(10), CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(8));
        var touched = await sessions.TouchSessionAsync(id, CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(9));
        var stillOpen = (await sessions.GetSessionAsync(id, CancellationToken.None))!.StateAt(time.GetUtcNow());
        time.Advance(TimeSpan.FromMinutes(2));
        var expired = await sessions.TouchSessionAsync(id, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(10), opened.ExpiresAt);
        Assert.Equal(Now.AddMinutes(18), touched!.ExpiresAt);
        Assert.Equal(MemorySessionState.Open, stillOpen);
        Assert.Equal(MemorySessionState.Expired, expired!.StateAt(time.GetUtcNow()));
        Assert.Equal(touched.ExpiresAt, expired.ExpiresAt);

        var reopened = await sessions.OpenSessionAsync(id, "conv-1", TimeSpan.FromMinutes(1), CancellationToken.None);
        var closed = await sessions.CloseSessionAsync(id, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(MemorySessionState.Open, reopened.StateAt(time.GetUtcNow()));
        Assert.Equal(MemorySessionState.Closed, closed!.StateAt(time.GetUtcNow()));
        Assert.Equal(closed, await sessions.TouchSessionAsync(id, CancellationToken.None));
        Assert.Equal(closed, await sessions.CloseSessionAsync(id, CancellationToken.None));
        Assert.Null(await sessions.TouchSessionAsync("s-unknown-" + NewAgentId(), CancellationToken.None));
    }

    private static async Task IngestAsync(MemoryIngestor ingestor, MemoryNamespace ns, string id, string type, string text, string? title, string? link)
    {
        using var content = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await ingestor.IngestAsync(ns, new DocumentInput(id, type, MemoryTags.Empty, title, link), content, CancellationToken.None);
    }

    protected static string NewAgentId() => "t-" + Guid.NewGuid().ToString("N");

    protected static MemoryNamespace NewAgent() => MemoryNamespace.Agent("t-" + Guid.NewGuid().ToString("N"));

    private static MemoryTags Tags(string platform, string channel, DateTimeOffset time) =>
        new() { Platform = platform, Channel = channel, Time = time };

    private static NewMemoryDocument Document(string id, MemoryTags? tags = null, DateTimeOffset? updatedAt = null) =>
        new(id, "text/plain", tags ?? MemoryTags.Empty, LexicalEmbeddingGenerator.ModelId, updatedAt ?? Now);

    private static Task<MemoryDocument> UpsertAsync(
        IMemoryStore store, MemoryNamespace ns, string id, string[] chunks, MemoryTags? tags = null, DateTimeOffset? updatedAt = null) =>
        store.UpsertDocumentAsync(ns, Document(id, tags, updatedAt), Chunks(chunks), CancellationToken.None);

    private static Task<IReadOnlyList<MemorySearchHit>> SearchAsync(
        IMemoryStore store, MemoryNamespace ns, string text, MemoryFilter? filter = null, double minRelevance = 0, int limit = 10) =>
        store.SearchAsync(ns, new MemoryQuery(text, Embedder.Embed(text), filter, limit, minRelevance), CancellationToken.None);

#pragma warning disable CS1998 // An async iterator over constants: the store consumes an IAsyncEnumerable.
    private static async IAsyncEnumerable<MemoryChunk> Chunks(params string[] texts)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            yield return new MemoryChunk(i, texts[i], Embedder.Embed(texts[i]));
        }
    }

    private static async IAsyncEnumerable<MemoryChunk> FailingChunks(string text)
    {
        yield return new MemoryChunk(0, text, Embedder.Embed(text));
        throw new InvalidOperationException("The extractor failed part-way.");
    }
#pragma warning restore CS1998
}
