using Dashboard.Application.DataSources.ApiKeys;

namespace Dashboard.Application.Tests.DataSources.ApiKeys;

public sealed class ApiKeySecretsTests
{
    [Fact]
    public void Generate_MakesDkPrefixedBase64UrlOf32Bytes()
    {
        var key = ApiKeySecrets.Generate();

        Assert.StartsWith("dk_", key, StringComparison.Ordinal);
        Assert.Equal(32, System.Buffers.Text.Base64Url.DecodeFromChars(key.AsSpan(3)).Length);
    }

    [Fact]
    public void Generate_GivesADifferentKeyEachTime()
    {
        Assert.NotEqual(ApiKeySecrets.Generate(), ApiKeySecrets.Generate());
    }

    [Fact]
    public void Hash_IsLowerCaseHexSha256()
    {
        // FIPS 180-2 test vector for "abc".
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiKeySecrets.Hash("abc"));
    }

    [Fact]
    public void HashesEqual_ComparesWholeHashes()
    {
        var hash = ApiKeySecrets.Hash("dk_one");

        Assert.True(ApiKeySecrets.HashesEqual(hash, ApiKeySecrets.Hash("dk_one")));
        Assert.False(ApiKeySecrets.HashesEqual(hash, ApiKeySecrets.Hash("dk_two")));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("dk_", false)]
    [InlineData("sk_live_abc", false)]
    [InlineData("dk_abc", true)]
    public void LooksLikeKey_AcceptsOnlyOurShape(string? presented, bool expected)
    {
        Assert.Equal(expected, ApiKeySecrets.LooksLikeKey(presented));
    }
}
