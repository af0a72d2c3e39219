using System.Text.Json;
using System.Text.Json.Nodes;
using Isms.Workflows.Forms;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

/// <summary>What every form shares: confirmation, correction, cancel, resume, idempotency and untrusted payloads.</summary>
public sealed class FormEngineFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private FormSession AtConfirmation(Applicant? who = null)
    {
        var session = _harness.Session(who ?? FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers());
        Assert.Equal(["送信", "修正する", "キャンセル"], ButtonTitles(session.Card));
        return session;
    }

    [Fact]
    public void Correction_AfterConfirmation_KeepsAnswers_AndSubmitsTheCorrectedValue()
    {
        var session = AtConfirmation();
        session.Click("修正する");
        Assert.Equal("USB-012", InputValue(session.Card, "assetNumber"));
        session.Next();

        Assert.Equal("群馬県庁", InputValue(session.Card, "destination"));
        session.Next(("destination", "前橋市役所"));
        session.FillIn();
        Assert.Equal("前橋市役所", Facts(session.Card)["持ち出し先"]);
        session.Click("送信");
        Assert.Equal("前橋市役所", session.Last.CreatedRecord!.Answers["destination"].Value);
    }

    [Fact]
    public void Back_ReturnsToThePreviousStep_WithItsAnswers()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next(TakeoutRequestFacts.Answers());
        session.Click("戻る");

        Assert.Equal("USB-012", InputValue(session.Card, "assetNumber"));
        Assert.DoesNotContain("戻る", ButtonTitles(session.Card));
    }

    [Fact]
    public void Cancel_DeletesTheDraft_AndCreatesNothing()
    {
        var session = AtConfirmation();
        session.Click("キャンセル");

        Assert.Equal(["入力を取り消しました。記録は作成していません。"], session.Texts);
        Assert.Empty(_harness.AllRecords());
        Assert.False(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Fact]
    public void DoubleSubmission_CreatesOneRecord_AndAnswersWithItsNumber()
    {
        var session = AtConfirmation();
        var submit = Payload(session.Card, "送信");

        var first = session.Send(submit);
        var second = session.Send(submit);

        Assert.NotNull(first.CreatedRecord);
        Assert.Null(second.CreatedRecord);
        Assert.Equal(["この申請は受付済みです（持出-2026-0001）。"], session.Texts);
        Assert.Single(_harness.AllRecords());
    }

    [Fact]
    public void ConcurrentDeliveries_OfTheSameSubmit_CreateOneRecord()
    {
        var session = AtConfirmation();
        var submit = Payload(session.Card, "送信");

        var replies = Enumerable.Range(0, 8).AsParallel().Select(_ => _harness.Service.HandleCardSubmit(FormHarness.Alice, submit)).ToList();

        Assert.Single(replies, r => r.CreatedRecord is not null);
        Assert.Single(_harness.AllRecords());
    }

    [Fact]
    public void ResumeAfterRestart_ContinuesWhereThePersonLeft()
    {
        var path = Path.Combine(Path.GetTempPath(), $"isms-forms-{Guid.NewGuid():N}.db");
        try
        {
            JsonObject card;
            using (var before = new FormHarness(FormHarness.OpenFile(path)))
            {
                var session = before.Session(FormHarness.Alice);
                session.Start(FormKind.TakeoutRequest);
                session.FillIn(TakeoutRequestFacts.Answers(confidentiality: "2"));
                card = session.Card;
            }

            using var after = new FormHarness(FormHarness.OpenFile(path));
            Assert.True(after.Service.HasOpenDraft(FormHarness.Alice, out var kinds));
            Assert.Equal([FormKind.TakeoutRequest], kinds);
            var resumed = after.Session(FormHarness.Alice);
            resumed.Send(Payload(card, "次へ", new Dictionary<string, string> { ["transportMeasure"] = "暗号化・パスワードを設定する" }));
            Assert.Equal("USB-012", Facts(resumed.Card)["資産番号・管理番号"]);
            resumed.Click("送信");
            Assert.Equal("持出-2026-0001", resumed.Last.CreatedRecord!.Number);
            Assert.Equal(FormHarness.Now, after.Records.FindByNumber("持出-2026-0001")!.CreatedAt);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ResumeOrDiscardPrompt_ListsOpenDrafts_AndResumeShowsTheStep()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        session.Next(TakeoutRequestFacts.Answers());
        session.Start(FormKind.CloudUseRequest, "kintone使いたい");

        session.Last = _harness.Service.ResumeOrDiscardPrompt(FormHarness.Alice);
        Assert.Contains("持ち出し申請", AllText(session.Card));
        Assert.Contains("クラウド利用申請", AllText(session.Card));

        session.Click("続きから再開");
        Assert.Contains("持ち出し申請（2/", AllText(session.Card));
    }

    [Fact]
    public void StartingTheSameFormAgain_OffersResumeOrStartOver_WithTheNewWords()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest, "明日USBで持ち出したい");
        session.Start(FormKind.TakeoutRequest, "ノートPCを12月3日から2日間持ち出したい");

        Assert.Equal(["続きから再開", "破棄して新しく始める"], ButtonTitles(session.Card));
        session.Click("破棄して新しく始める");

        Assert.DoesNotContain("itemKind", InputFieldIds(session.Card));
        session.FillIn(TakeoutRequestFacts.Answers().Where(a => a.Item1 is not ("itemKind" or "startDate" or "endDate")).ToArray());
        Assert.Equal("端末（ノートPC・タブレットなど）", Facts(session.Card)["持ち出す物"]);
        Assert.Equal("2026年12月3日（木）", Facts(session.Card)["持ち出す日"]);
        Assert.Equal("2026年12月4日（金）", Facts(session.Card)["返却予定日"]);
        Assert.True(_harness.Service.HasOpenDraft(FormHarness.Alice, out var kinds));
        Assert.Equal([FormKind.TakeoutRequest], kinds);
    }

    [Fact]
    public void Discard_RemovesTheDraft()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.WebMeetingRequest);
        session.Last = _harness.Service.ResumeOrDiscardPrompt(FormHarness.Alice);
        session.Click("破棄");

        Assert.Equal(["Web会議申請の下書きを破棄しました。"], session.Texts);
        Assert.False(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
        Assert.Equal(["作成途中の申請はありません。"], _harness.Service.ResumeOrDiscardPrompt(FormHarness.Alice).Messages.Select(m => m.Text));
    }

    [Fact]
    public void SomeoneElsesCard_IsRefused_AndTheirDraftIsUntouched()
    {
        var alice = _harness.Session(FormHarness.Alice);
        alice.Start(FormKind.TakeoutRequest);
        var bob = _harness.Session(FormHarness.Bob);

        bob.Send(Payload(alice.Card, "キャンセル"));

        Assert.StartsWith("この入力画面は見つかりませんでした。", Assert.Single(bob.Texts));
        Assert.True(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Fact]
    public void SomeoneElsesSubmit_DoesNotRevealTheRecord()
    {
        var alice = AtConfirmation();
        var submit = Payload(alice.Card, "送信");
        alice.Send(submit);

        var reply = _harness.Service.HandleCardSubmit(FormHarness.Bob, submit);

        Assert.DoesNotContain("持出-2026-0001", reply.Messages.Single().Text);
    }

    [Fact]
    public void StaleCard_ShowsTheLatestState_WithoutLosingAnswers()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var firstCard = session.Card;
        session.Next(TakeoutRequestFacts.Answers());

        session.Send(Payload(firstCard, "次へ", new Dictionary<string, string> { ["assetNumber"] = "別の番号" }));

        Assert.Contains("古い画面からの操作", AllText(session.Card));
        Assert.Contains("持ち出し申請（2/", AllText(session.Card));
        session.FillIn(TakeoutRequestFacts.Answers());
        Assert.Equal("USB-012", Facts(session.Card)["資産番号・管理番号"]);
    }

    [Fact]
    public void AnsweringABranch_AsksTheQuestionItBringsOnTheNextCard_BeforeValidatingIt()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.MisdeliveryReport);
        while (!InputFieldIds(session.Card).Contains("personalData"))
        {
            session.Next(MisdeliveryReportFacts.Answers());
        }

        Assert.DoesNotContain("personalDataCount", InputFieldIds(session.Card));
        session.Next(MisdeliveryReportFacts.Answers(personalData: "yes"));

        Assert.Equal("personalDataCount", InputFieldIds(session.Card)[0]);
        Assert.Null(ErrorFor(session.Card, "personalDataCount"));
    }

    [Fact]
    public void MissingDepartment_IsAskedAsAField_AndRecorded()
    {
        var session = _harness.Session(FormHarness.NoDepartment);
        session.Start(FormKind.TakeoutRequest);
        Assert.Equal("applicantDepartment", InputFieldIds(session.Card)[0]);

        session.Next(TakeoutRequestFacts.Answers());
        Assert.Equal("入力してください。", ErrorFor(session.Card, "applicantDepartment"));
        session.FillIn([.. TakeoutRequestFacts.Answers(), ("applicantDepartment", "館林消防署")]);
        Assert.EndsWith("（館林消防署）", Facts(session.Card)["申請者"]);
        session.Click("送信");
        Assert.Equal("館林消防署", session.Last.CreatedRecord!.Applicant.Department);
        Assert.False(session.Last.CreatedRecord.Answers.ContainsKey("applicantDepartment"));
    }

    [Fact]
    public void TheApplicantComesFromTheHost_NotFromThePayload()
    {
        var session = AtConfirmation();
        var data = JsonNode.Parse(Payload(session.Card, "送信").GetRawText())!.AsObject();
        data["applicant"] = "29:mallory";
        data["userId"] = "29:mallory";
        session.Send(JsonSerializer.SerializeToElement(data));

        Assert.Equal("29:alice", session.Last.CreatedRecord!.Applicant.UserId);
        Assert.Equal("館林 花子", session.Last.CreatedRecord.Applicant.Name);
    }

    public static TheoryData<string> TamperedPayloads => new()
    {
        "[]",
        "\"isms\"",
        """{"isms":"form"}""",
        """{"isms":"other","op":"next","draft":"00000000000000000000000000000000"}""",
        """{"isms":"form","op":"explode","draft":"00000000000000000000000000000000","step":0,"nonce":"x"}""",
        """{"isms":"form","op":"NEXT","draft":"00000000000000000000000000000000","step":0,"nonce":"x"}""",
        """{"isms":"form","op":"next","draft":"../../etc/passwd","step":0,"nonce":"x"}""",
        """{"isms":"form","op":"next","draft":{"$ne":null},"step":0,"nonce":"x"}""",
        """{"isms":"form","op":"next","draft":"00000000000000000000000000000000","step":0,"nonce":"x"}""",
    };

    [Theory]
    [MemberData(nameof(TamperedPayloads))]
    public void TamperedPayload_GetsAPoliteMessage_AndChangesNothing(string json)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        using var document = JsonDocument.Parse(json);

        session.Send(document.RootElement.Clone());

        Assert.Matches("^(このカードの操作を受け付けられませんでした|この入力画面は見つかりませんでした)", Assert.Single(session.Texts));
        Assert.True(_harness.Service.HasOpenDraft(FormHarness.Alice, out _));
    }

    [Theory]
    [InlineData("step", "5")]
    [InlineData("nonce", "forged")]
    [InlineData("op", "submit")]
    public void TamperedStepNonceOrOp_ForAnOwnDraft_RerendersTheCurrentStep(string property, string value)
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var data = JsonNode.Parse(Payload(session.Card, "次へ").GetRawText())!.AsObject();
        data[property] = value;

        session.Send(JsonSerializer.SerializeToElement(data));

        Assert.Contains("持ち出し申請（1/", AllText(session.Card));
        Assert.Empty(_harness.AllRecords());
    }

    [Fact]
    public void NonTextInput_IsAFieldError_NotACrash()
    {
        var session = _harness.Session(FormHarness.Alice);
        session.Start(FormKind.TakeoutRequest);
        var data = JsonNode.Parse(Payload(session.Card, "次へ", TakeoutRequestFacts.Answers().ToDictionary(f => f.Item1, f => f.Item2)).GetRawText())!.AsObject();
        data["f_assetNumber"] = new JsonObject { ["nested"] = new JsonArray(1, 2) };

        session.Send(JsonSerializer.SerializeToElement(data));

        Assert.Equal("入力の形式が正しくありません。入力し直してください。", ErrorFor(session.Card, "assetNumber"));
        Assert.Equal("2026-11-27", InputValue(session.Card, "startDate"));
    }
}
