using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.TestSupport.Postgres;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>Two BotHost instances on one PostgreSQL database share the inbox: every event is answered exactly once.</summary>
public sealed class PostgresSharedInboxTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task TwoHosts_EventsPostedToBoth_EachEventAnsweredExactlyOnceInThreadOrder()
    {
        var recorder = new ReplyRecorder();
        using var first = new PostgresHost(database.ConnectionString, recorder);
        using var second = new PostgresHost(database.ConnectionString, recorder);
        using var firstClient = first.CreateSignedClient();
        using var secondClient = second.CreateSignedClient();

        var sent = new List<(string Thread, string EventId)>();
        for (var i = 0; i < 5; i++)
        {
            for (var t = 0; t < 8; t++)
            {
                var thread = $"17000{t:00}000.000100";
                var eventId = $"EvShared-{t}-{i}";
                var client = (i + t) % 2 == 0 ? firstClient : secondClient;
                using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events",
                    Payloads.SlackMention(eventId, $"17000{t:00}000.{i + 300:000000}", thread: thread, channel: "CSHARED")));
                response.EnsureSuccessStatusCode();
                sent.Add((thread, eventId));
            }
        }

        await recorder.WaitForAsync(sent.Select(s => s.EventId), TimeSpan.FromSeconds(120));
        // Give a double claim, were there one, time to show up as a second reply.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(sent.Count, recorder.Replies.Count);
        Assert.All(new[] { first, second }, host => Assert.Contains(host.Logs.Entries, e => e.Message.Contains("answered on attempt", StringComparison.Ordinal)));
        Assert.All(sent, s => Assert.Single(recorder.For(s.EventId)));
        foreach (var thread in sent.GroupBy(s => s.Thread))
        {
            Assert.Equal(thread.Select(s => s.EventId), recorder.Replies.Where(r => r.Key.Thread == thread.Key).Select(r => r.IdempotencyKey));
        }
    }

    private sealed class PostgresHost : WebhookHostFactory
    {
        private readonly string _connectionString;

        public PostgresHost(string connectionString, ReplyRecorder recorder)
        {
            _connectionString = connectionString;
            Recorder = recorder;
        }

        protected override void ConfigureSettings(IDictionary<string, string?> settings)
        {
            base.ConfigureSettings(settings);
            settings["Storage:Provider"] = "postgres";
            settings["Storage:ConnectionString"] = _connectionString;
        }
    }
}
