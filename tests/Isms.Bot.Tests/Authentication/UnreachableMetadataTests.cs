using Isms.Bot.Conversations;
using Isms.Bot.Tests.Pipeline;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Isms.Bot.Tests.Authentication;

/// <summary>
/// When the OpenID metadata cannot be fetched at all (as on this machine for the real Bot Framework endpoints), a
/// token cannot be checked: the answer is 503 so the channel retries, never a 500 and never the turn.
/// Runs in the loopback collection (without using its server) so that bot hosts in these tests start one at a time:
/// concurrent first use of LiteDB's global BsonMapper by two hosts can fail the bot's construction with a 500.
/// </summary>
[Collection(LoopbackOpenIdCollection.Name)]
public sealed class UnreachableMetadataTests
{
    [Fact]
    public async Task A_token_that_cannot_be_checked_gets_503_and_reaches_no_handler()
    {
        var appId = Guid.NewGuid().ToString();
        var conversationId = $"a:test-{Guid.NewGuid():N}";
        // A distinct path too: the SDK caches metadata per URL for the life of the process.
        var metadataUrl = $"https://127.0.0.1:{ClosedLoopbackPort()}/unreachable-{Guid.NewGuid():N}/.well-known/openidconfiguration";
        using var key = RSA.Create(2048);
        var token = ChannelTokens.Sign(key, "isms-test-any-key", appId, SignedActivities.ServiceUrl);

        await using var host = BotHostFactory.WithAuthentication(appId, metadataUrl);
        using var request = SignedActivities.HelpMessage(appId, conversationId, $"Bearer {token}");
        using var response = await host.Client.SendAsync(request);

        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Empty(TeamsActivities.ParseReplies(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, host.Get<ConversationReferenceStore>().Count());
    }

    /// <summary>A port that was just free and has nothing listening on it.</summary>
    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
