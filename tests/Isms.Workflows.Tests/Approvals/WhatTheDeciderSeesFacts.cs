using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>
/// The decision card carries everything the person who decides needs: every answer of the record (the 許可権限者 of a
/// クラウド利用申請 sees all 15, the exit plan 8.3(3)③ and the certifications 8.3(3)⑧ included), long ones folded but
/// whole, and for a resubmission the mark 再申請 and what changed since the 差戻し. Records come from the real forms.
/// </summary>
public sealed class WhatTheDeciderSeesFacts : IDisposable
{
    private static readonly Applicant YamadaFiles = new(YamadaTeams, Yamada, "山田 太郎", "警防課");

    private readonly ApprovalHarness _h = new(FormHarness.Now);
    private readonly FormHarness _forms;

    public WhatTheDeciderSeesFacts() => _forms = new FormHarness(_h.Database, _h.Time);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void TheCloudDeciders_SeeAll15Answers_IncludingTheExitPlanAndTheCertifications()
    {
        var session = _forms.Session(YamadaFiles);
        session.Start(FormKind.CloudUseRequest);
        session.FillIn([.. CloudUseRequestFacts.Answers("2"), .. CloudUseRequestFacts.Checklist83]);
        session.Click("送信");
        var record = session.Last.CreatedRecord!;

        var view = _h.Service.Assign(record, "act-cloud").View;

        Assert.Equal(15, record.Answers.Count);
        Assert.Equal(15, view.Answers.Count);
        foreach (var card in new[] { DecisionCard.ForApprovers(view), DecisionCard.Status(view) })
        {
            var text = AllText(card);
            Assert.All(record.Answers.Values, a => Assert.Contains(a.Label, text));
            Assert.Contains("サービスの中断・終了時に業務とデータを移行できることを確認しました", text);
            Assert.Contains("取得している認証（ISMAP、ISO/IEC 27017 など）", text);
            Assert.Contains("ISMAP", text);
            AdaptiveCardValidator.AssertValid(card);
        }
    }

    [Fact]
    public void ALongAnswer_IsFoldedBehindOneToggle_AndKeptWhole()
    {
        var purpose = "県の防災会議で、訓練計画の見直し案と各署の意見を説明するため。" + string.Concat(Enumerable.Repeat("会議後に資料を回収し、", 8)) + "持ち帰ります。";
        var record = FileTakeout(purpose);

        var card = DecisionCard.ForApprovers(_h.Service.Assign(record, "act-long").View);

        var blocks = Descendants(card).ToList();
        var full = Assert.Single(blocks, b => (string?)b["text"] == purpose);
        Assert.False((bool?)full["isVisible"]);
        var preview = Assert.Single(blocks, b => (string?)b["id"] == "answer1-preview");
        Assert.Equal(purpose[..AnswerElements.PreviewLength] + "…", (string?)preview["text"]);
        var toggle = Assert.Single(blocks, b => (string?)b["type"] == "Action.ToggleVisibility");
        Assert.Equal(["answer1-preview", "answer1-full"], toggle["targetElements"]!.AsArray().Select(t => (string?)t));
        Assert.Equal("群馬県庁", Facts(card)["持ち出し先"]); // short answers stay facts
        AdaptiveCardValidator.AssertValid(card);
    }

    [Fact]
    public void AResubmission_IsMarked_AndShowsWhatChangedSinceTheReturn()
    {
        var record = FileTakeout("県の会議で説明に使うため");
        _h.Service.Assign(record, "act-first");
        _h.Decide(record, Sato, Decision.Return, "持ち出し先の住所を記入してください");

        var session = _forms.Session(YamadaFiles);
        session.Last = _forms.Service.Reopen(YamadaFiles, record.Id, "佐藤 花子", "持ち出し先の住所を記入してください");
        session.FillIn(("destination", "群馬県庁（前橋市大手町1-1-1）"));
        session.Click("送信");
        var assignment = _h.Service.Assign(session.Last.CreatedRecord!, "act-again");

        var view = assignment.View;
        Assert.True(view.Resubmitted);
        var card = DecisionCard.ForApprovers(view);
        var text = AllText(card);
        Assert.Contains("持ち出し申請の承認依頼（再申請）", text);
        Assert.Contains("差戻し後に変更された項目", text);
        Assert.Equal("群馬県庁 → 群馬県庁（前橋市大手町1-1-1）", Facts(card)["持ち出し先"]); // the change comes before the answers
        var change = Assert.Single(view.ChangesSinceReturn!);
        Assert.Equal(("持ち出し先", "群馬県庁", "群馬県庁（前橋市大手町1-1-1）"), (change.Label, change.Before, change.After));
        Assert.Contains("持ち出し先の住所を記入してください", text); // the 差戻し and its comment stay in view
        Assert.Contains("再申請されました", Assert.Single(assignment.Notifications).Text);
        Assert.Contains("（再申請）", AllText(DecisionCard.Status(view)));
        AdaptiveCardValidator.AssertValid(card);
    }

    [Fact]
    public void AFirstSubmission_IsNotMarkedAsAResubmission()
    {
        var view = _h.Service.Assign(FileTakeout("県の会議で説明に使うため"), "act-1").View;

        Assert.False(view.Resubmitted);
        Assert.DoesNotContain("再申請", AllText(DecisionCard.ForApprovers(view)));
    }

    private RequestRecord FileTakeout(string purpose)
    {
        var session = _forms.Session(YamadaFiles);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn([.. TakeoutRequestFacts.Answers().Where(f => f.Item1 is not ("purpose" or "destination")), ("purpose", purpose), ("destination", "群馬県庁"),
            ("otherMeasures", "パスワード付きで保存")]);
        session.Click("送信");
        return session.Last.CreatedRecord!;
    }

    private static IEnumerable<System.Text.Json.Nodes.JsonObject> Descendants(System.Text.Json.Nodes.JsonNode node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => new[] { o }.Concat(o.Select(p => p.Value).OfType<System.Text.Json.Nodes.JsonNode>().SelectMany(Descendants)),
        System.Text.Json.Nodes.JsonArray a => a.OfType<System.Text.Json.Nodes.JsonNode>().SelectMany(Descendants),
        _ => [],
    };

    private static IReadOnlyDictionary<string, string> Facts(System.Text.Json.Nodes.JsonObject card) =>
        Descendants(card).Where(n => (string?)n["type"] == "FactSet").SelectMany(f => f["facts"]!.AsArray())
            .GroupBy(f => (string)f!["title"]!).ToDictionary(g => g.Key, g => (string)g.First()!["value"]!);
}
