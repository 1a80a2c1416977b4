using System.Text;
using Dashboard.Recommender.Privacy;

namespace Dashboard.Recommender.Tests.Privacy;

public class PseudonymTests
{
    [Fact]
    public void Hmac_MatchesRfc4231TestCase2()
    {
        Span<byte> hash = stackalloc byte[32];

        Pseudonym.Hmac("Jefe"u8, "what do ya want for nothing?"u8, hash);

        Assert.Equal("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", Convert.ToHexStringLower(hash));
    }

    [Fact]
    public void Of_IsThePrefixAndTheLowercaseHexOfTheHmacOfTheUtf8Id()
    {
        var key = Enumerable.Repeat((byte)0x0b, 20).ToArray();

        // RFC 4231 test case 1: key 0x0b × 20, data "Hi There".
        Assert.Equal("p-b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7", Pseudonym.Of(key, "Hi There"));
    }

    [Fact]
    public void Of_AKeyChain_IsTheNextKeysHmacOfThePreviousPseudonym()
    {
        byte[] first = [.. Enumerable.Range(0, 32).Select(i => (byte)i)];
        byte[] second = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];

        Assert.Equal(Pseudonym.Of(second, Pseudonym.Of(first, "u1")), Pseudonym.Of([first, second], "u1"));
    }

    [Fact]
    public void Of_DifferentKeys_GiveDifferentPseudonymsOfTheSameId()
    {
        byte[] first = [.. Enumerable.Repeat((byte)1, 32)];
        byte[] second = [.. Enumerable.Repeat((byte)2, 32)];

        Assert.NotEqual(Pseudonym.Of(first, "u1"), Pseudonym.Of(second, "u1"));
    }

    [Fact]
    public void Of_ALongNonAsciiId_FitsTheStoredIdColumn()
    {
        var id = new string('é', 128);

        var pseudonym = Pseudonym.Of(new byte[32], id);

        Assert.Equal((Pseudonym.Length, true), (pseudonym.Length, Pseudonym.IsPseudonym(pseudonym)));
    }

    [Theory]
    [InlineData("u00001", false)]
    [InlineData("p-5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843", true)]
    [InlineData("p-5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843", false)]
    [InlineData("p-5bdcc146", false)]
    public void IsPseudonym_AcceptsOnlyTheFixedFormat(string text, bool expected) =>
        Assert.Equal(expected, Pseudonym.IsPseudonym(text));

    [Fact]
    public void Of_IdsLongerThanTheStackBuffer_StillHash()
    {
        var id = new string('x', 2000);

        Assert.Equal(Pseudonym.Of(new byte[32], id), "p-" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(new byte[32], Encoding.UTF8.GetBytes(id))));
    }
}
