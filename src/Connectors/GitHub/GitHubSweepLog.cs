using Microsoft.Extensions.Logging;

namespace ChatCouncil.Connectors.GitHub;

internal static partial class GitHubSweepLog
{
    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Asked GitHub to redeliver webhook {DeliveryGuid} (delivery {DeliveryId})")]
    public static partial void RedeliveryRequested(ILogger logger, string deliveryGuid, long deliveryId);
}
