using ChatCouncil.Memory.Sync;

namespace ChatCouncil.Memory.Tests.Sync;

public sealed class PromotionClaimTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Beats_NewerTime_WinsOverHigherPriority()
    {
        Assert.True(new PromotionClaim(T.AddTicks(1), 0, "b").Beats(new PromotionClaim(T, 99, "a")));
        Assert.False(new PromotionClaim(T, 99, "a").Beats(new PromotionClaim(T.AddTicks(1), 0, "b")));
    }

    [Fact]
    public void Beats_SameInstantInOtherOffset_ComparesPriority()
    {
        var sameInstant = T.ToOffset(TimeSpan.FromHours(2));
        Assert.True(new PromotionClaim(sameInstant, 2, "b").Beats(new PromotionClaim(T, 1, "a")));
        Assert.False(new PromotionClaim(T, 1, "a").Beats(new PromotionClaim(sameInstant, 2, "b")));
    }

    [Fact]
    public void Beats_FullTie_SmallerAgentIdWinsExactlyOneWay()
    {
        var (a, b) = (new PromotionClaim(T, 1, "agent-a"), new PromotionClaim(T, 1, "agent-b"));
        Assert.True(a.Beats(b));
        Assert.False(b.Beats(a));
        Assert.False(a.Beats(a));
    }
}
