using System.Globalization;
using System.Text;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Discord;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Discord;

public sealed class DiscordSignatureVerifierTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":1,"id":"1"}""");
    private readonly DiscordTestKey _key = new();
    private readonly FakeTimeProvider _time = new();

    private string Now => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Verify_SignedByTheApplicationKey_IsValid()
    {
        var signature = _key.Sign(Now, Body);

        Assert.Equal(SignatureVerification.Valid, DiscordSignatureVerifier.Verify(_key.PublicKey, Now, signature, Body, _time));
    }

    [Theory]
    [InlineData(null, "00")]
    [InlineData("1700000000", null)]
    [InlineData("", "")]
    public void Verify_HeaderAbsent_IsMissing(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureVerification.Missing, DiscordSignatureVerifier.Verify(_key.PublicKey, timestamp, signature, Body, _time));
    }

    [Fact]
    public void Verify_SignedByAnotherKey_IsMismatch()
    {
        var signature = new DiscordTestKey().Sign(Now, Body);

        Assert.Equal(SignatureVerification.Mismatch, DiscordSignatureVerifier.Verify(_key.PublicKey, Now, signature, Body, _time));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_IsMismatch()
    {
        var signature = _key.Sign(Now, Body);

        Assert.Equal(SignatureVerification.Mismatch,
            DiscordSignatureVerifier.Verify(_key.PublicKey, Now, signature, Encoding.UTF8.GetBytes("""{"type":2,"id":"1"}"""), _time));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_IsMismatch()
    {
        var signature = _key.Sign(Now, Body);
        var other = (_time.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(SignatureVerification.Mismatch, DiscordSignatureVerifier.Verify(_key.PublicKey, other, signature, Body, _time));
    }

    [Theory]
    [InlineData("abcd")]
    [InlineData("zz")]
    public void Verify_MalformedSignature_IsMismatch(string junk)
    {
        var signature = junk.PadRight(128, junk[0]);

        Assert.Equal(SignatureVerification.Mismatch, DiscordSignatureVerifier.Verify(_key.PublicKey, Now, signature, Body, _time));
        Assert.Equal(SignatureVerification.Mismatch, DiscordSignatureVerifier.Verify(_key.PublicKey, Now, junk, Body, _time));
    }

    [Fact]
    public void Verify_SignedLongAgo_IsStale()
    {
        var timestamp = (_time.GetUtcNow().ToUnixTimeSeconds() - 600).ToString(CultureInfo.InvariantCulture);
        var signature = _key.Sign(timestamp, Body);

        Assert.Equal(SignatureVerification.Stale, DiscordSignatureVerifier.Verify(_key.PublicKey, timestamp, signature, Body, _time));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("zz00000000000000000000000000000000000000000000000000000000000000")]
    public void TryParse_NotA32ByteHexKey_Fails(string hex)
    {
        Assert.False(DiscordPublicKey.TryParse(hex, out _));
        Assert.Throws<FormatException>(() => DiscordPublicKey.Parse(hex));
    }
}
