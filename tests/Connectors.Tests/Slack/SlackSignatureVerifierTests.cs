using System.Globalization;
using System.Text;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.Slack;
using ChatCouncil.TestSupport.Time;

namespace ChatCouncil.Connectors.Tests.Slack;

public sealed class SlackSignatureVerifierTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"event_callback","event_id":"Ev1"}""");
    private readonly FakeTimeProvider _time = new();

    private string Now => _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Verify_SignedBySlack_IsValid()
    {
        var signature = SlackSignatureVerifier.Sign(Secret, Now, Body);

        Assert.Equal(SignatureVerification.Valid, SlackSignatureVerifier.Verify(Secret, Now, signature, Body, _time));
    }

    [Fact]
    public void Sign_SlackDocumentationExample_GivesTheDocumentedSignature()
    {
        // The worked example from Slack's "Verifying requests from Slack" page.
        var body = Encoding.UTF8.GetBytes("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

        Assert.Equal("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", SlackSignatureVerifier.Sign(Secret, "1531420618", body));
    }

    [Theory]
    [InlineData(null, "v0=00")]
    [InlineData("", "v0=00")]
    [InlineData("1700000000", null)]
    [InlineData("1700000000", "")]
    public void Verify_HeaderAbsent_IsMissing(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureVerification.Missing, SlackSignatureVerifier.Verify(Secret, timestamp, signature, Body, _time));
    }

    [Fact]
    public void Verify_OtherSecret_IsMismatch()
    {
        var signature = SlackSignatureVerifier.Sign("another-secret", Now, Body);

        Assert.Equal(SignatureVerification.Mismatch, SlackSignatureVerifier.Verify(Secret, Now, signature, Body, _time));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_IsMismatch()
    {
        var signature = SlackSignatureVerifier.Sign(Secret, Now, Body);
        var tampered = (byte[])Body.Clone();
        tampered[^2] ^= 1;

        Assert.Equal(SignatureVerification.Mismatch, SlackSignatureVerifier.Verify(Secret, Now, signature, tampered, _time));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_IsMismatch()
    {
        var signature = SlackSignatureVerifier.Sign(Secret, Now, Body);
        var other = (_time.GetUtcNow().ToUnixTimeSeconds() + 1).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(SignatureVerification.Mismatch, SlackSignatureVerifier.Verify(Secret, other, signature, Body, _time));
    }

    [Theory]
    [InlineData("v1=")]
    [InlineData("v0=zz")]
    [InlineData("sha256=")]
    public void Verify_MalformedSignature_IsMismatch(string prefix)
    {
        var signature = SlackSignatureVerifier.Sign(Secret, Now, Body);

        Assert.Equal(SignatureVerification.Mismatch, SlackSignatureVerifier.Verify(Secret, Now, prefix + signature[3..], Body, _time));
    }

    [Fact]
    public void Verify_NonNumericTimestamp_IsMismatch()
    {
        var signature = SlackSignatureVerifier.Sign(Secret, "soon", Body);

        Assert.Equal(SignatureVerification.Mismatch, SlackSignatureVerifier.Verify(Secret, "soon", signature, Body, _time));
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Verify_TimestampOutsideFiveMinutes_IsStale(int offsetSeconds)
    {
        var timestamp = (_time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Sign(Secret, timestamp, Body);

        Assert.Equal(SignatureVerification.Stale, SlackSignatureVerifier.Verify(Secret, timestamp, signature, Body, _time));
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Verify_TimestampAtTheWindowEdge_IsValid(int offsetSeconds)
    {
        var timestamp = (_time.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds).ToString(CultureInfo.InvariantCulture);
        var signature = SlackSignatureVerifier.Sign(Secret, timestamp, Body);

        Assert.Equal(SignatureVerification.Valid, SlackSignatureVerifier.Verify(Secret, timestamp, signature, Body, _time));
    }

    [Fact]
    public void Verify_ValidRequestReplayedLater_BecomesStale()
    {
        var signature = SlackSignatureVerifier.Sign(Secret, Now, Body);
        var timestamp = Now;

        _time.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(SignatureVerification.Stale, SlackSignatureVerifier.Verify(Secret, timestamp, signature, Body, _time));
    }
}
