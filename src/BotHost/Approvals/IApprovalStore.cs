namespace ChatCouncil.BotHost.Approvals;

/// <summary>
/// Durable approval requests. Every state change is one conditional statement, so two processes on one database
/// (or two racing clicks in one) change a request at most once. Reads report a pending request past its expiry as
/// expired. Thread-safe.
/// </summary>
public interface IApprovalStore
{
    /// <summary>Stores a new pending request with the hash of its token; false when its request key is taken.</summary>
    Task<bool> CreateAsync(ApprovalRequest request, byte[] tokenHash, CancellationToken cancellationToken);

    Task<ApprovalRequest?> GetAsync(Guid id, CancellationToken cancellationToken);

    Task<ApprovalRequest?> FindByRequestKeyAsync(string requestKey, CancellationToken cancellationToken);

    /// <summary>The stored token hash, for verification only; null for an unknown id.</summary>
    Task<byte[]?> GetTokenHashAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Replaces the token of a request whose message was never posted (a retry after a failed post).</summary>
    Task<bool> ReplaceTokenAsync(Guid id, byte[] tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Ends a pending request whose message was never posted (its post failed and no request key lets anyone ask for it
    /// again): it expires now, so it is no longer listed as pending nor waited on. True if this call did.
    /// </summary>
    Task<bool> WithdrawUnpostedAsync(Guid id, CancellationToken cancellationToken);

    Task MarkPostedAsync(Guid id, IReadOnlyList<string> messageIds, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records the decision if the request is still pending and not expired at <see cref="ApprovalDecision.At"/>;
    /// true for the one caller that changed it.
    /// </summary>
    Task<bool> TryDecideAsync(Guid id, ApprovalDecision decision, CancellationToken cancellationToken);

    /// <summary>Marks a pending request whose expiry has passed as expired; true if this call did.</summary>
    Task<bool> TryExpireAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Newest first; <paramref name="status"/> null lists every status.</summary>
    Task<IReadOnlyList<ApprovalRequest>> ListAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken);
}
