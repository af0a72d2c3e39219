using System.Text.Json.Nodes;
using Isms.Bot.Tests.Pipeline;
using Isms.Workflows.Training;
using static Isms.Bot.Tests.Jobs.JobHost;
using static Isms.Bot.Tests.Pipeline.TeamsActivities;

namespace Isms.Bot.Tests.Jobs;

/// <summary>研修状況 and the 受講しました card through the real pipeline, on 2026-11-02 (the managers' course was due 9/30).</summary>
public sealed class TrainingStatusFacts : TrainingHostFacts
{
    [Fact]
    public async Task StaffSeeTheirOwnCourses_WithDueDateStateAndClause_AndAButtonToConfirm()
    {
        var replies = await Say(DirectoryYamada, "研修状況");

        var card = Assert.Single(ReplyCards(replies));
        AdaptiveCardValidator.AssertValid(card);
        Snapshot.Match("bot/training-status-staff", card);
        var json = Json(card);
        Assert.Contains("情報セキュリティ研修（全職員）", json);
        Assert.Contains("2027年1月31日", json);
        Assert.Contains("5.2(4)", json);
        Assert.DoesNotContain("管理者向け", json);
        Assert.Equal("""{"isms":"training","course":"annual","op":"complete"}""", Submits(card).Single().ToJsonString());
    }

    [Fact]
    public async Task AManagerAlsoSeesTheirDepartment()
    {
        var replies = await Say(DirectorySato, "研修状況");

        var cards = ReplyCards(replies).ToList();
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => AdaptiveCardValidator.AssertValid(c));
        Assert.Contains("未受講（期限超過）", Json(cards[0])); // her own managers' course, due 2026-09-30
        Snapshot.Match("bot/training-status-department", cards[1]);
        var department = Json(cards[1]);
        Assert.Contains("警防課の研修状況", department);
        Assert.Contains("5.2(2)④", department);
        Assert.Contains("山田 太郎", department);
        Assert.DoesNotContain("渡辺 美咲", department); // 総務課
    }

    [Fact]
    public async Task Confirming_RecordsForTheSender_AndASecondConfirmationSaysItIsRecorded()
    {
        var submit = Submits(Assert.Single(ReplyCards(await Say(DirectoryYamada, "研修状況")))).Single();

        var first = Texts(await Press(DirectoryYamada, submit)).Single();
        var second = Texts(await Press(DirectoryYamada, submit)).Single();

        Assert.Contains("受講を記録しました", first);
        Assert.Contains("記録済みです", second);
        var completion = Assert.Single(Store.CompletionsOf(DirectoryYamada.AadObjectId));
        Assert.Equal(("annual", "card"), (completion.CourseId, completion.Source));
        Assert.Contains("受講済み（11月2日）", Json(Assert.Single(ReplyCards(await Say(DirectoryYamada, "研修状況")))));
    }

    [Theory]
    [InlineData("""{"isms":"training","op":"complete","course":"managers"}""", "受講対象として登録されていません")] // not his course
    [InlineData("""{"isms":"training","op":"complete","course":"nosuch"}""", "受講対象として登録されていません")]
    [InlineData("""{"isms":"training","op":"complete","course":5}""", "受け付けられませんでした")]
    [InlineData("""{"isms":"training","op":"delete","course":"annual"}""", "受け付けられませんでした")]
    [InlineData("""{"isms":"training","op":"complete","course":"annual","person":"00000000-0000-4000-8000-000000000002"}""", "受け付けられませんでした")]
    [InlineData("""{"isms":"training","op":"complete"}""", "受け付けられませんでした")]
    public async Task ATamperedSubmit_RecordsNothing(string payload, string answer)
    {
        var replies = await Press(DirectoryYamada, JsonNode.Parse(payload)!.AsObject());

        Assert.Contains(answer, Texts(replies).Single());
        Assert.Empty(Store.CompletionsOf(DirectoryYamada.AadObjectId));
        Assert.Empty(Store.CompletionsOf(DirectorySato.AadObjectId));
    }

    [Fact]
    public async Task SomeoneNotInTheDirectory_IsToldWhomToAsk_AndNothingIsRecorded()
    {
        var stranger = new TeamsUser("29:stranger", "部外 者", "aad-stranger-0001");

        var status = Texts(await Say(stranger, "研修状況")).Single();
        var submit = await Press(stranger, new JsonObject { ["isms"] = "training", ["op"] = "complete", ["course"] = "annual" });

        Assert.Contains("組織名簿", status);
        Assert.Contains("渡辺 美咲", status); // the directory's administrator
        Assert.Empty(ReplyCards(await Say(stranger, "研修状況")));
        Assert.Contains("組織名簿", Texts(submit).Single());
        Assert.Empty(Store.CompletionsOf(stranger.AadObjectId));
    }

    private Task<JsonArray> Say(TeamsUser user, string text) => SayReplies(user, text);

    private static IEnumerable<JsonObject> Submits(JsonObject card) =>
        Descendants(card).Where(o => (string?)o["type"] == "Action.Submit").Select(o => o["data"]!.AsObject());

    private static string Json(JsonObject node) => node.ToJsonString(new System.Text.Json.JsonSerializerOptions
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
