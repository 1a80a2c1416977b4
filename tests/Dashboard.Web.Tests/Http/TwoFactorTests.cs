using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using Dashboard.Infrastructure.Identity;
using Dashboard.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests.Http;

public sealed class TwoFactorTests(DashboardFactory factory) : IClassFixture<DashboardFactory>
{
    [Fact]
    public async Task EverySignedInUser_CanStartAuthenticatorSetUp()
    {
        using var client = await SignIn.AsAsync(factory, "compliance@demo.local");

        var response = await client.GetAsync("/Account/Manage/EnableAuthenticator");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("authenticator app", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("otpauth://totp/", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnablingAnAuthenticator_WithAValidCode_TurnsTwoFactorOn_AndKeepsThePersonSignedIn()
    {
        using var client = await SignIn.AsAsync(factory, "marketer@demo.local");
        var form = await SignIn.ReadFormFieldsAsync(client, "/Account/Manage/EnableAuthenticator");
        string key;
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            key = (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync("marketer@demo.local"))!))!;
        }

        form["Input.Code"] = Totp(key, DateTimeOffset.UtcNow);
        var submitted = await client.PostAsync("/Account/Manage/EnableAuthenticator", new FormUrlEncodedContent(form));
        var html = WebUtility.HtmlDecode(await submitted.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Contains("Your authenticator app has been verified.", html, StringComparison.Ordinal);
        using (var scope = factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            Assert.True(await users.GetTwoFactorEnabledAsync((await users.FindByEmailAsync("marketer@demo.local"))!));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Manage/TwoFactorAuthentication")).StatusCode);
    }

    /// <summary>RFC 6238 with Identity's parameters: base32 key, HMAC-SHA1, 30-second steps, 6 digits.</summary>
    private static string Totp(string base32Key, DateTimeOffset at)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var key = new List<byte>();
        foreach (var c in base32Key.ToUpperInvariant().TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                key.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, at.ToUnixTimeSeconds() / 30);
#pragma warning disable CA5350 // RFC 6238 and every authenticator app use HMAC-SHA1; this computes what they compute.
        var hash = HMACSHA1.HashData([.. key], counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0F;
        var code = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
