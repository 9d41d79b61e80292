using ChatCouncil.Memory.Records;
using ChatCouncil.Memory.Search;

namespace ChatCouncil.Memory.Tests.Search;

public sealed class MemoryFilterTests
{
    [Fact]
    public void Parse_TagsAndTimes_ReadsEveryTerm()
    {
        var filter = MemoryFilter.Parse("platform=slack, channel=C042,after=2026-01-01T00:00:00Z,before=2026-02-01T00:00:00Z");

        Assert.Equal("slack", filter.Tags["platform"]);
        Assert.Equal("C042", filter.Tags["channel"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), filter.After);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), filter.Before);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_Empty_IsTheEmptyFilter(string? text) => Assert.True(MemoryFilter.Parse(text).IsEmpty);

    [Theory]
    [InlineData("platform", "not key=value")]
    [InlineData("Platform=slack", "lower-case")]
    [InlineData("platform=", "no value")]
    [InlineData("platform=a,platform=b", "twice")]
    [InlineData("after=yesterday", "ISO 8601")]
    [InlineData("after=2026-02-01T00:00:00Z,before=2026-01-01T00:00:00Z", "earlier")]
    [InlineData("time=2026-01-01", "after")]
    public void TryParse_Malformed_FailsWithReason(string text, string reason)
    {
        Assert.False(MemoryFilter.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_ChecksEveryTagAndTheTimeWindow()
    {
        var filter = MemoryFilter.Parse("platform=slack,team=ops,after=2026-01-01T00:00:00Z");
        var time = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var tags = MemoryTags.FromDictionary(new Dictionary<string, string> { ["platform"] = "slack", ["team"] = "ops" }, time);

        Assert.True(filter.Matches(tags));
        Assert.False(filter.Matches(tags with { Platform = "discord" }));
        Assert.False(filter.Matches(tags with { Time = time.AddDays(-30) }));
        Assert.False(filter.Matches(tags with { Time = null }));
        Assert.False(filter.Matches(MemoryTags.Empty));
    }
}
