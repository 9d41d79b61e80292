using ChatCouncil.BotHost.Approvals;
using ChatCouncil.Connectors.Outbound;

namespace ChatCouncil.BotHost.Tests.Approvals;

public sealed class ApprovalTokenTests
{
    [Fact]
    public void Create_Token_ParsesBackToItsRequest_FitsEveryPlatform_AndVerifiesAgainstItsHash()
    {
        var id = Guid.NewGuid();

        var (token, hash) = ApprovalToken.Create(id);

        Assert.True(token.Length <= ApprovalButtons.MaxTokenLength);
        Assert.All(token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'));
        Assert.True(ApprovalToken.TryParse(token, out var parsed, out var secret));
        Assert.Equal(id, parsed);
        Assert.True(ApprovalToken.Verifies(secret, hash));
        Assert.DoesNotContain(Convert.ToHexStringLower(secret), Convert.ToHexStringLower(hash), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TwoTokensForOneRequest_HaveDifferentSecrets()
    {
        var id = Guid.NewGuid();
        var (first, firstHash) = ApprovalToken.Create(id);
        var (second, _) = ApprovalToken.Create(id);

        Assert.NotEqual(first, second);
        Assert.True(ApprovalToken.TryParse(second, out _, out var secondSecret));
        Assert.False(ApprovalToken.Verifies(secondSecret, firstHash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("req-1")]
    [InlineData("0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123456789abcdef0123456789abcdeg.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+")]
    [InlineData("0123456789abcdef0123456789abcdef.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_NotAToken_IsFalse(string? text)
    {
        Assert.False(ApprovalToken.TryParse(text, out var id, out var secret));
        Assert.Equal(Guid.Empty, id);
        Assert.Null(secret);
    }
}
