namespace ChatCouncil.TestSupport.Fakes;

/// <summary>One attempt to deliver a webhook, as GET /app/hook/deliveries lists it.</summary>
public sealed record GitHubHookDelivery(long Id, string DeliveryGuid, DateTimeOffset DeliveredAt, int StatusCode, bool Redelivery = false);
