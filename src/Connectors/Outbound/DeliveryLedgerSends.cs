using ChatCouncil.Connectors.Conversations;
using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.Outbound;

/// <summary>The send every platform client makes: a reply delivered once per idempotency key, a repeat logged and skipped.</summary>
internal static class DeliveryLedgerSends
{
    public static async Task<DeliveredReply> SendOnceAsync(
        this DeliveryLedger ledger,
        ChatPlatform platform,
        OutboundReply reply,
        Func<OutboundReply, DeliveryProgress, CancellationToken, Task<DeliveredReply>> deliver,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var (delivered, already) = await ledger.DeliverOnceAsync(platform, reply.IdempotencyKey, (progress, ct) => deliver(reply, progress, ct), cancellationToken);
        if (already)
        {
            OutboundLog.AlreadyDelivered(logger, platform, reply.IdempotencyKey);
        }

        return delivered;
    }
}
