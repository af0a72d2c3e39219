using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Isms.Bot.Tests.Authentication;

/// <summary>Signs tokens shaped like the ones the Bot Connector sends to a bot.</summary>
public static class ChannelTokens
{
    public static string Sign(RSA key, string keyId, string audience, string serviceUrl,
        string issuer = LoopbackOpenIdServer.Issuer, DateTime? notBefore = null, DateTime? expires = null)
    {
        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        var token = new JwtSecurityToken(
            issuer: issuer,
            audience: audience,
            claims: [new Claim("serviceurl", serviceUrl)],
            notBefore: start,
            expires: expires ?? start.AddHours(1),
            signingCredentials: new SigningCredentials(new RsaSecurityKey(key) { KeyId = keyId }, SecurityAlgorithms.RsaSha256));
        return new JwtSecurityTokenHandler().WriteToken(token);
    }
}
