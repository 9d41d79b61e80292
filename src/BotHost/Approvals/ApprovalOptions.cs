using System.ComponentModel.DataAnnotations;

namespace ChatCouncil.BotHost.Approvals;

/// <summary>Approval requests (section <c>Approvals</c>).</summary>
public sealed class ApprovalOptions : IValidatableObject
{
    public const string SectionName = "Approvals";

    /// <summary>How long a request stays open when its creator gives no expiry.</summary>
    public TimeSpan DefaultExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>The longest expiry a creator may ask for.</summary>
    public TimeSpan MaxExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// How often a waiter re-reads its request: a decision taken in this process wakes it at once, one taken by
    /// another process on the same database within this interval.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultExpiry <= TimeSpan.Zero || MaxExpiry < DefaultExpiry)
        {
            yield return new ValidationResult("Approvals:DefaultExpiry must be positive and not longer than Approvals:MaxExpiry.");
        }

        if (PollInterval < TimeSpan.FromMilliseconds(10) || PollInterval > TimeSpan.FromMinutes(5))
        {
            yield return new ValidationResult("Approvals:PollInterval must be between 10 ms and 5 minutes.");
        }
    }
}
