using System.Text;
using ChatCouncil.Connectors.Discord;

namespace ChatCouncil.Connectors.Tests.Discord;

/// <summary>The OpenSSL path and the BouncyCastle fallback must give the same answer for every signature.</summary>
public sealed class DiscordPublicKeyTests
{
    [Fact]
    public void PublicKey_OnLinux_VerifiesThroughOpenSsl()
    {
        // libcrypto is on every Linux the bot supports (.NET needs it too); elsewhere the fallback is expected.
        Assert.True(OperatingSystem.IsLinux() == new DiscordTestKey().PublicKey.IsNative, "libcrypto.so.3 (or 1.1) was not found: Discord signatures fall back to BouncyCastle.");
    }

    [Fact]
    public void Verify_GenuineSignatures_AcceptedByBothImplementations()
    {
        for (var i = 0; i < 20; i++)
        {
            var key = new DiscordTestKey();
            var message = Message(i);
            var signature = Convert.FromHexString(key.Sign("", message));

            Assert.True(key.PublicKey.Verify(signature, message));
            Assert.True(key.PublicKey.VerifyPortable(signature, message));
        }
    }

    [Fact]
    public void Verify_AnyFlippedBit_RefusedByBothImplementations()
    {
        var key = new DiscordTestKey();
        var message = Message(300);
        var signature = Convert.FromHexString(key.Sign("", message));

        for (var bit = 0; bit < signature.Length * 8; bit += 7)
        {
            var forged = (byte[])signature.Clone();
            forged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(key.PublicKey.Verify(forged, message), $"bit {bit} of the signature");
            Assert.False(key.PublicKey.VerifyPortable(forged, message), $"bit {bit} of the signature");

            var altered = (byte[])message.Clone();
            altered[bit % altered.Length] ^= 1;
            Assert.False(key.PublicKey.Verify(signature, altered), $"byte {bit % altered.Length} of the message");
            Assert.False(key.PublicKey.VerifyPortable(signature, altered), $"byte {bit % altered.Length} of the message");
        }
    }

    [Fact]
    public void Verify_WrongLengthOrOtherKey_Refused()
    {
        var key = new DiscordTestKey();
        var message = Message(5);
        var signature = Convert.FromHexString(key.Sign("", message));

        Assert.False(key.PublicKey.Verify(signature.AsSpan(0, 63), message));
        Assert.False(key.PublicKey.Verify([.. signature, 0], message));
        Assert.False(new DiscordTestKey().PublicKey.Verify(signature, message));
        Assert.False(new DiscordTestKey().PublicKey.VerifyPortable(signature, message));
    }

    [Fact]
    public async Task Verify_ManyThreadsOnOneKey_AllAnswersRight()
    {
        var key = new DiscordTestKey();
        var signed = Enumerable.Range(0, 64).Select(i => (Message: Message(i), Signature: Convert.FromHexString(key.Sign("", Message(i))))).ToArray();
        var publicKey = key.PublicKey;

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
            signed.Select((s, i) => publicKey.Verify(s.Signature, (i + worker) % 3 == 0 ? [.. s.Message, 1] : s.Message) == ((i + worker) % 3 != 0)).All(ok => ok))));

        Assert.All(answers, Assert.True);
    }

    private static byte[] Message(int seed) => Encoding.UTF8.GetBytes($"1700000000{{\"type\":2,\"id\":\"{seed}\",\"data\":\"{new string('x', seed % 97)}\"}}");
}
