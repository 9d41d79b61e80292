using System.Text;
using ChatCouncil.Connectors.Conversations;
using ChatCouncil.Connectors.GitHub;

namespace ChatCouncil.Connectors.Tests.GitHub;

public sealed class GitHubSignatureVerifierTests
{
    private const string Secret = "It's a Secret to Everybody";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("Hello, World!");

    [Fact]
    public void Sign_GitHubDocumentationExample_GivesTheDocumentedSignature()
    {
        // The test values from GitHub's "Validating webhook deliveries" page.
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", GitHubSignatureVerifier.Sign(Secret, Body));
    }

    [Fact]
    public void Verify_SignedByGitHub_IsValid()
    {
        Assert.Equal(SignatureVerification.Valid,
            GitHubSignatureVerifier.Verify(Secret, "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", Body));
    }

    [Fact]
    public void Verify_UppercaseHex_IsValid()
    {
        Assert.Equal(SignatureVerification.Valid,
            GitHubSignatureVerifier.Verify(Secret, "sha256=757107EA0EB2509FC211221CCE984B8A37570B6D7586C22C46F4379C8B043E17", Body));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_NoHeader_IsMissing(string? signature)
    {
        Assert.Equal(SignatureVerification.Missing, GitHubSignatureVerifier.Verify(Secret, signature, Body));
    }

    [Theory]
    [InlineData("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e18")]
    [InlineData("sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")]
    [InlineData("sha256=757107ea")]
    [InlineData("sha256=not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex-not-hex")]
    public void Verify_WrongOrMalformedSignature_IsMismatch(string signature)
    {
        Assert.Equal(SignatureVerification.Mismatch, GitHubSignatureVerifier.Verify(Secret, signature, Body));
    }

    [Fact]
    public void Verify_BodyChangedAfterSigning_IsMismatch()
    {
        var signature = GitHubSignatureVerifier.Sign(Secret, Body);

        Assert.Equal(SignatureVerification.Mismatch, GitHubSignatureVerifier.Verify(Secret, signature, Encoding.UTF8.GetBytes("Hello, World?")));
    }
}
