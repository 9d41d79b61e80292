using System.Collections.Concurrent;
using ChatCouncil.BotHost.Storage;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Outbound;
using Microsoft.Extensions.Options;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Asks a conversation for a decision and turns clicks into verified decisions. <see cref="RequestAsync"/> stores a
/// request and posts it with Approve/Reject buttons (GitHub: commands) through the platform's client;
/// <see cref="DecideAsync"/> accepts a click only if its token verifies, it comes from the conversation the request
/// was posted to, and the request is pending and unexpired, and then only the first such click;
/// <see cref="WaitForDecisionAsync"/> returns once a request is decided or expired. Who may decide is not checked
/// here (the agents' policy will be). Singleton, thread-safe.
/// </summary>
public sealed class ApprovalService(
    IApprovalStore store,
    ChatPlatformClients clients,
    ApprovalMessageCloser closer,
    IOptions<ApprovalOptions> options,
    TimeProvider time,
    ILogger<ApprovalService> logger)
{
    public const int MaxSummaryLength = 2000;
    public const int MaxNameLength = 200;

    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiters = new();

    public bool CanPostTo(ChatPlatform platform) => clients.IsEnabled(platform);

    /// <summary>
    /// Stores the request and posts it. With a <see cref="NewApproval.RequestKey"/> the call is idempotent: a request
    /// already posted under the key is returned as it stands, one whose post failed is posted again (with a fresh token).
    /// Without a key nobody can ask for a request again, so one whose post fails is withdrawn (expired at once).
    /// </summary>
    /// <exception cref="ArgumentException">The request is not valid (empty summary, expiry out of range…).</exception>
    /// <exception cref="ApprovalConflictException">The request key names a different request.</exception>
    /// <exception cref="ChatPlatformException">
    /// The platform refused the post; with a request key the request stays stored, unposted, until asked for again.
    /// </exception>
    public async Task<ApprovalRequest> RequestAsync(NewApproval request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expiresIn = Validate(request);
        if (request.RequestKey is { } key && await store.FindByRequestKeyAsync(key, cancellationToken) is { } existing)
        {
            return await ResumeAsync(existing, request, cancellationToken);
        }

        var now = time.GetUtcNowMilliseconds();
        var id = Guid.CreateVersion7(now);
        var (token, hash) = ApprovalToken.Create(id);
        var approval = new ApprovalRequest(id, request.Conversation, request.ReplyContext ?? new Dictionary<string, string>(),
            request.Summary.Trim(), request.RequestedBy.Trim(), now, now + expiresIn, ApprovalStatus.Pending, null, request.RequestKey, null, []);
        if (!await store.CreateAsync(approval, hash, cancellationToken))
        {
            // Another caller created the request under this key a moment ago.
            var winner = await store.FindByRequestKeyAsync(request.RequestKey!, cancellationToken)
                ?? throw new InvalidOperationException("The approval under this request key vanished right after it was written.");
            return await ResumeAsync(winner, request, cancellationToken);
        }

        try
        {
            return await PostAsync(approval, token, hash, cancellationToken);
        }
        catch (ChatPlatformException) when (request.RequestKey is null)
        {
            await store.WithdrawUnpostedAsync(id, CancellationToken.None);
            Notify(id);
            throw;
        }
    }

    /// <summary>Verifies a click and, if it is the first valid one, records it as the decision.</summary>
    public async Task<DecisionResult> DecideAsync(ApprovalClick click, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(click);
        if (!ApprovalToken.TryParse(click.Token, out var id, out var secret)
            || await store.GetTokenHashAsync(id, cancellationToken) is not { } hash
            || !ApprovalToken.Verifies(secret, hash)
            || await store.GetAsync(id, cancellationToken) is not { } request)
        {
            return Refuse(click, DecisionOutcome.NotValid, null, null);
        }

        if (!IsSamePlace(request.Conversation, click.Where))
        {
            return Refuse(click, DecisionOutcome.WrongPlace, id, request);
        }

        if (IsThisClick(request, click))
        {
            // The same platform event again (an inbox retry after a crash): it won the first time, it wins again.
            return new DecisionResult(DecisionOutcome.Decided, request);
        }

        if (request.Status == ApprovalStatus.Pending)
        {
            var decision = new ApprovalDecision(click.Action, click.Where.Platform, click.UserId, click.UserName, click.EventId, time.GetUtcNowMilliseconds());
            if (await store.TryDecideAsync(id, decision, cancellationToken))
            {
                var decided = await store.GetAsync(id, cancellationToken) ?? request;
                Log.Decided(logger, id, click.Action, click.Where.Platform, click.UserId, click.EventId);
                Notify(id);
                await closer.CloseAsync(decided, cancellationToken);
                return new DecisionResult(DecisionOutcome.Decided, decided);
            }

            request = await store.GetAsync(id, cancellationToken) ?? request;
        }

        if (request.Status == ApprovalStatus.Expired)
        {
            if (await store.TryExpireAsync(id, cancellationToken))
            {
                Notify(id);
                await closer.CloseAsync(request, cancellationToken);
            }

            return Refuse(click, DecisionOutcome.Expired, id, request);
        }

        return Refuse(click, DecisionOutcome.AlreadyDecided, id, request);
    }

    /// <summary>The request once it is approved, rejected or expired.</summary>
    /// <exception cref="KeyNotFoundException">No request has this id.</exception>
    public async Task<ApprovalRequest> WaitForDecisionAsync(Guid id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var woken = _waiters.GetOrAdd(id, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            var request = await store.GetAsync(id, cancellationToken) ?? throw new KeyNotFoundException($"No approval request has id {id}.");
            if (request.Status == ApprovalStatus.Expired && await store.TryExpireAsync(id, cancellationToken))
            {
                await closer.CloseAsync(request, cancellationToken);
            }

            if (request.IsDecided)
            {
                return request;
            }

            var untilExpiry = request.ExpiresAt - time.GetUtcNow() + TimeSpan.FromMilliseconds(1);
            var poll = options.Value.PollInterval;
            await Task.WhenAny(woken, Task.Delay(untilExpiry < poll ? untilExpiry : poll, time, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<ApprovalRequest> ResumeAsync(ApprovalRequest existing, NewApproval request, CancellationToken cancellationToken)
    {
        if (existing.Conversation != request.Conversation || existing.Summary != request.Summary.Trim())
        {
            throw new ApprovalConflictException(
                $"Request key '{request.RequestKey}' already names approval {existing.Id}, asked in another conversation or about something else.");
        }

        if (existing.PostedAt is not null || existing.Status != ApprovalStatus.Pending)
        {
            return existing;
        }

        // The first post failed: only the hash of its token was kept, so the message goes out with a new one.
        var (token, hash) = ApprovalToken.Create(existing.Id);
        return await store.ReplaceTokenAsync(existing.Id, hash, cancellationToken)
            ? await PostAsync(existing, token, hash, cancellationToken)
            : await store.GetAsync(existing.Id, cancellationToken) ?? existing;
    }

    private async Task<ApprovalRequest> PostAsync(ApprovalRequest approval, string token, byte[] hash, CancellationToken cancellationToken)
    {
        var client = clients.Find(approval.Conversation.Platform) ?? throw new ChatPlatformException(
            approval.Conversation.Platform, $"No chat platform client is registered for {approval.Conversation.Platform}.", isTransient: false);
        var context = new Dictionary<string, string>(approval.ReplyContext, StringComparer.Ordinal) { [ApprovalButtons.ContextKey] = token };

        // One logical message per token: a re-post with a fresh token is a new message, not a resumed old one.
        var idempotencyKey = $"approval:{approval.Id:N}:{Convert.ToHexStringLower(hash, 0, 4)}";
        var delivered = await client.SendAsync(new OutboundReply(approval.Conversation, ApprovalMessages.Open(approval), idempotencyKey, context), cancellationToken);
        await store.MarkPostedAsync(approval.Id, delivered.MessageIds, time.GetUtcNowMilliseconds(), cancellationToken);
        Log.Posted(logger, approval.Id, approval.Conversation.Value);
        return await store.GetAsync(approval.Id, cancellationToken) ?? approval;
    }

    private TimeSpan Validate(NewApproval request)
    {
        ArgumentNullException.ThrowIfNull(request.Conversation);
        if (string.IsNullOrWhiteSpace(request.Summary) || request.Summary.Trim().Length > MaxSummaryLength)
        {
            throw new ArgumentException($"The summary must have 1 to {MaxSummaryLength} characters.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.RequestedBy) || request.RequestedBy.Trim().Length > MaxNameLength)
        {
            throw new ArgumentException($"requestedBy must have 1 to {MaxNameLength} characters.", nameof(request));
        }

        if (request.RequestKey is { } key && (key.Length is 0 or > MaxNameLength))
        {
            throw new ArgumentException($"A request key must have 1 to {MaxNameLength} characters.", nameof(request));
        }

        var settings = options.Value;
        var expiresIn = request.ExpiresIn ?? settings.DefaultExpiry;
        if (expiresIn <= TimeSpan.Zero || expiresIn > settings.MaxExpiry)
        {
            throw new ArgumentException($"The expiry must be positive and at most {settings.MaxExpiry} (Approvals:MaxExpiry).", nameof(request));
        }

        return expiresIn;
    }

    /// <summary>
    /// A token answers only where it was posted: same platform, workspace and channel (a Slack or Discord click always
    /// comes from the message itself); on GitHub, where the repository is the channel, the same issue or pull request too.
    /// </summary>
    private static bool IsSamePlace(ConversationKey posted, ConversationKey clicked) =>
        posted.Platform == clicked.Platform
        && string.Equals(posted.Workspace, clicked.Workspace, StringComparison.Ordinal)
        && string.Equals(posted.Channel, clicked.Channel, StringComparison.Ordinal)
        && (posted.Platform != ChatPlatform.GitHub || string.Equals(posted.Thread, clicked.Thread, StringComparison.Ordinal));

    private static bool IsThisClick(ApprovalRequest request, ApprovalClick click) =>
        request.Decision is { } decision && decision.Platform == click.Where.Platform
        && string.Equals(decision.EventId, click.EventId, StringComparison.Ordinal);

    private DecisionResult Refuse(ApprovalClick click, DecisionOutcome outcome, Guid? id, ApprovalRequest? request)
    {
        Log.Refused(logger, outcome, id, click.Where.Platform, click.UserId, click.Where.Value, click.EventId);
        return new DecisionResult(outcome, request);
    }

    private void Notify(Guid id)
    {
        if (_waiters.TryRemove(id, out var waiters))
        {
            waiters.TrySetResult();
        }
    }
}
