using Isms.Bot.Conversations;
using Isms.Workflows.Storage;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Tests.Conversations;

/// <summary>Which personal chat a notice goes to when the store knows more than one for a person.</summary>
public sealed class ConversationReferenceStoreFacts
{
    private const string Aad = "00000000-0000-4000-8000-000000000002";
    private const string TeamsId = "29:sato";
    private static readonly DateTimeOffset Morning = new(2026, 12, 4, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AChatThePersonWroteInAfterTheBotOpenedOne_IsTheOneUsed()
    {
        using var database = IsmsDatabase.InMemory();
        var store = new ConversationReferenceStore(database);
        store.SavePersonalChat(Reference("a:opened-from-roster", "https://one.example/"), TeamsId, Aad, Morning);
        store.Save(Message("a:written-in", "https://two.example/"), Morning.AddMinutes(2));

        Assert.Equal("a:written-in", store.FindPersonalChat(Aad, TeamsId)!.Conversation.Id);
        Assert.Equal("a:written-in", store.FindPersonalChat(null, TeamsId)!.Conversation.Id);
    }

    [Fact]
    public void AChatTheBotOpenedLater_IsTheOneUsed()
    {
        using var database = IsmsDatabase.InMemory();
        var store = new ConversationReferenceStore(database);
        store.Save(Message("a:written-in", "https://two.example/"), Morning);
        store.SavePersonalChat(Reference("a:opened-again", "https://one.example/"), TeamsId, Aad, Morning.AddMinutes(2));

        Assert.Equal("a:opened-again", store.FindPersonalChat(Aad, null)!.Conversation.Id);
    }

    private static ConversationReference Reference(string conversationId, string serviceUrl) => new()
    {
        Conversation = new ConversationAccount(conversationType: "personal", id: conversationId),
        ServiceUrl = serviceUrl,
        User = new ChannelAccount(TeamsId, "佐藤 花子", aadObjectId: Aad),
        Bot = new ChannelAccount("28:bot", "bot"),
        ChannelId = "msteams",
    };

    private static Activity Message(string conversationId, string serviceUrl) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = new ConversationAccount(conversationType: "personal", id: conversationId),
        ServiceUrl = serviceUrl,
        From = new ChannelAccount(TeamsId, "佐藤 花子", aadObjectId: Aad),
        Recipient = new ChannelAccount("28:bot", "bot"),
        ChannelId = "msteams",
        Text = "ヘルプ",
    };
}
