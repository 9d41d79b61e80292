namespace ChatCouncil.Memory.Sync;

/// <summary>One agent's claim on a global key: when its memory is from, and the agent's priority and id.</summary>
public readonly record struct PromotionClaim(DateTimeOffset Time, int Priority, string AgentId)
{
    /// <summary>
    /// Whether this claim replaces <paramref name="holder"/>: the newer time wins; on equal times the higher priority;
    /// on equal priorities the ordinally smaller agent id, so every process decides the same way whatever the order of arrival.
    /// </summary>
    public bool Beats(PromotionClaim holder)
    {
        var byTime = Time.UtcTicks.CompareTo(holder.Time.UtcTicks);
        if (byTime != 0)
        {
            return byTime > 0;
        }

        return Priority != holder.Priority ? Priority > holder.Priority : string.CompareOrdinal(AgentId, holder.AgentId) < 0;
    }
}
