using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Tests.Search;

public sealed class ReciprocalRankFusionTests
{
    [Fact]
    public void Fuse_ItemInBothLists_OutranksItemsFirstInOne()
    {
        var fused = ReciprocalRankFusion.Fuse<long>([1, 2, 3], [4, 2, 5]);

        Assert.Equal(2, fused[0].Key);
        Assert.Equal(1.0 / 62 + 1.0 / 62, fused[0].Score, 12);
        Assert.Equal((2, 2), (fused[0].FirstRank, fused[0].SecondRank));
        Assert.Equal([2L, 1, 4, 3, 5], fused.Select(f => f.Key));
    }

    [Fact]
    public void Fuse_EqualScores_BreaksTiesByKey()
    {
        var fused = ReciprocalRankFusion.Fuse<long>([9], [3]);

        Assert.Equal([3L, 9], fused.Select(f => f.Key));
        Assert.Null(fused[0].FirstRank);
        Assert.Equal(1, fused[0].SecondRank);
    }

    [Fact]
    public void Fuse_DuplicateInOneList_CountsOnlyItsFirstRank()
    {
        var fused = ReciprocalRankFusion.Fuse<long>([7, 7], [7, 7]);

        Assert.Equal(2.0 / 61, Assert.Single(fused).Score, 12);
    }

    [Fact]
    public void Fuse_EmptyLists_IsEmpty() => Assert.Empty(ReciprocalRankFusion.Fuse<long>([], []));
}
