using Isms.Bot.Conversations;
using Isms.Bot.Tests.Pipeline;
using System.Net;
using System.Security.Cryptography;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// POST /api/messages with an app id configured: the SDK's own channel token validation runs against the loopback
/// OpenID metadata. A rejected request gets 401, no reply and leaves no conversation reference behind.
/// </summary>
[Collection(LoopbackOpenIdCollection.Name)]
public sealed class ChannelTokenValidationTests(LoopbackOpenIdServer server)
{
    private readonly string _appId = Guid.NewGuid().ToString();
    private readonly string _conversationId = $"a:test-{Guid.NewGuid():N}";

    [Fact]
    public async Task A_correctly_signed_token_is_accepted_and_the_help_card_comes_back()
    {
        var token = ChannelTokens.Sign(server.TeamsKey, LoopbackOpenIdServer.TeamsKeyId, _appId, SignedActivities.ServiceUrl);

        await using var host = BotHostFactory.WithAuthentication(_appId, server.MetadataUrl);
        var (status, body) = await SendAsync(host, $"Bearer {token}");

        Assert.True(status == HttpStatusCode.OK, $"{status}: {Problems(host)}");
        Assert.NotEmpty(TeamsActivities.ReplyCards(TeamsActivities.ParseReplies(body)));
        Assert.NotNull(host.Get<ConversationReferenceStore>().FindByConversationId(_conversationId));
    }

    [Fact]
    public Task No_token_is_rejected() => AssertRejectedAsync(authorization: null);

    [Fact]
    public Task A_header_that_is_not_a_bearer_token_is_rejected() =>
        AssertRejectedAsync($"Basic {Convert.ToBase64String("bot:secret"u8)}");

    [Fact]
    public Task A_bearer_value_that_is_not_a_jwt_is_rejected() => AssertRejectedAsync("Bearer not-a-token");

    [Fact]
    public Task An_expired_token_is_rejected() => AssertRejectedAsync(Bearer(ChannelTokens.Sign(
        server.TeamsKey, LoopbackOpenIdServer.TeamsKeyId, _appId, SignedActivities.ServiceUrl,
        notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddMinutes(-30))));

    [Fact]
    public Task A_token_for_another_bot_is_rejected() => AssertRejectedAsync(Bearer(ChannelTokens.Sign(
        server.TeamsKey, LoopbackOpenIdServer.TeamsKeyId, Guid.NewGuid().ToString(), SignedActivities.ServiceUrl)));

    [Fact]
    public Task A_token_from_another_issuer_is_rejected() => AssertRejectedAsync(Bearer(ChannelTokens.Sign(
        server.TeamsKey, LoopbackOpenIdServer.TeamsKeyId, _appId, SignedActivities.ServiceUrl,
        issuer: "https://login.example.invalid/")));

    [Fact]
    public Task A_token_for_another_service_url_is_rejected() => AssertRejectedAsync(Bearer(ChannelTokens.Sign(
        server.TeamsKey, LoopbackOpenIdServer.TeamsKeyId, _appId, "https://smba.example.invalid/jp/")));

    [Theory]
    [InlineData(LoopbackOpenIdServer.TeamsKeyId)]
    [InlineData("isms-test-unknown-key")]
    public async Task A_token_signed_by_an_unknown_key_is_rejected(string keyId)
    {
        using var unknownKey = RSA.Create(2048);
        await AssertRejectedAsync(Bearer(ChannelTokens.Sign(unknownKey, keyId, _appId, SignedActivities.ServiceUrl)));
    }

    [Fact]
    public Task A_token_signed_by_a_key_not_endorsed_for_msteams_is_rejected() => AssertRejectedAsync(Bearer(ChannelTokens.Sign(
        server.OtherChannelKey, LoopbackOpenIdServer.OtherChannelKeyId, _appId, SignedActivities.ServiceUrl)));

    /// <summary>What the host logged as warnings or errors, so a failure on another machine says why.</summary>
    private static string Problems(BotHost host) => string.Join(Environment.NewLine, host.Logs
        .Where(entry => entry.Level >= Microsoft.Extensions.Logging.LogLevel.Warning)
        .Select(entry => $"{entry.Level} {entry.Category}: {entry.Message} {entry.Exception}"));

    private static string Bearer(string token) => $"Bearer {token}";

    private async Task AssertRejectedAsync(string? authorization)
    {
        await using var host = BotHostFactory.WithAuthentication(_appId, server.MetadataUrl);
        var (status, body) = await SendAsync(host, authorization);

        Assert.True(status == HttpStatusCode.Unauthorized, $"{status}: {Problems(host)}");
        Assert.Empty(TeamsActivities.ParseReplies(body));
        Assert.Null(host.Get<ConversationReferenceStore>().FindByConversationId(_conversationId));
        Assert.Equal(0, host.Get<ConversationReferenceStore>().Count());
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(BotHost host, string? authorization)
    {
        using var request = SignedActivities.HelpMessage(_appId, _conversationId, authorization);
        using var response = await host.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
