using ChatCouncil.BotHost.History;
using ChatCouncil.BotHost.Inbox;
using ChatCouncil.BotHost.Tests.Webhooks;
using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace ChatCouncil.BotHost.Tests.Inbox;

/// <summary>Accepted turns are answered in order within a thread, in parallel across threads, with the thread's history.</summary>
public sealed class InboxProcessingTests(WebhookHostFactory host) : IClassFixture<WebhookHostFactory>
{
    [Fact]
    public async Task Process_InterleavedThreads_AnswersEachThreadInOrderAndThreadsInParallel()
    {
        // A send waits for a second one to start: answered in parallel, another thread's answer arrives within its
        // generation time; answered one at a time, none does and MostInFlight stays 1.
        host.Clients[ChatPlatform.Slack].AwaitCompanyUpTo = TimeSpan.FromSeconds(20);
        using var client = host.CreateSignedClient();
        var sent = new List<(string Thread, string EventId)>();
        for (var i = 0; i < 6; i++)
        {
            foreach (var thread in new[] { "1700001000.000100", "1700002000.000100", "1700003000.000100" })
            {
                var eventId = $"EvOrder-{thread[..10]}-{i}";
                var ts = $"{thread[..10]}.{i + 200:000000}";
                using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events",
                    Payloads.SlackMention(eventId, ts, thread: thread, channel: "CORDER")));
                response.EnsureSuccessStatusCode();
                sent.Add((thread, eventId));
            }
        }

        await host.Recorder.WaitForAsync(sent.Select(s => s.EventId), TimeSpan.FromSeconds(120));

        foreach (var thread in sent.GroupBy(s => s.Thread))
        {
            var answered = host.Recorder.Replies.Where(r => r.Key.Thread == thread.Key).Select(r => r.IdempotencyKey);
            Assert.Equal(thread.Select(s => s.EventId), answered);
        }

        Assert.True(host.Clients[ChatPlatform.Slack].MostInFlight >= 2, "Different threads should be answered in parallel.");
    }

    [Fact]
    public async Task Process_TwoTurnsOfAThread_ShareOneStoredConversationWithTheWholeHistory()
    {
        using var client = host.CreateSignedClient();
        var thread = "1700005000.000100";
        foreach (var (eventId, ts) in new[] { ("EvHist1", thread), ("EvHist2", "1700005001.000100") })
        {
            using var response = await client.SendAsync(Payloads.Post("/webhooks/slack/events",
                Payloads.SlackMention(eventId, ts, thread: thread, channel: "CHIST", text: $"question {eventId}")));
            response.EnsureSuccessStatusCode();
        }

        await host.Recorder.WaitForAsync("EvHist1", "EvHist2");

        var key = new ConversationKey(ChatPlatform.Slack, "T1", "CHIST", thread);
        var conversationId = await host.Services.GetRequiredService<IInboxStore>().FindConversationAsync(key, CancellationToken.None);
        var messages = await host.Services.GetRequiredService<IChatHistoryStore>().ListMessagesAsync(conversationId!.Value);
        Assert.Equal([MessageRole.User, MessageRole.Assistant, MessageRole.User, MessageRole.Assistant], messages.Select(m => m.Role));
        Assert.Equal(["question EvHist1", "question EvHist2"], messages.Where(m => m.Role == MessageRole.User).Select(m => m.Content));
        Assert.Equal(host.Recorder.For("EvHist2")[0].Text, messages[3].Content);
    }
}
