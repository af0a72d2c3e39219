using Isms.Knowledge.Ranking;

namespace Isms.Knowledge.Tests;

/// <summary>
/// The procedure classifier backs the word table: a report or request worded in a way no pattern foresaw starts its
/// form, a question stays a question, and a report the table reads is kept. The messages are written for this test,
/// not taken from the tuning or held-out files.
/// </summary>
public class ProcedureClassifierFacts
{
    private static PolicyAnswerer Answerer => TestAnswerer.Offline;

    /// <summary>A message's features, as the models read them.</summary>
    private static IReadOnlyList<string> F(params string[] features) => features;

    [Theory]
    [InlineData("夜勤明けロッカー開けたら公用携帯が入ってなかった", "incident_report")]
    [InlineData("スマホの画面割れたうえに電源入らない、中に業務連絡先入ってる", "incident_report")]
    [InlineData("来週オンラインで県の担当と顔合わせすることになりました", "web_meeting_request")]
    public void MessagesTheWordTableMisses_StartTheirForm(string message, string expected)
    {
        Assert.Null(Answerer.Procedures.Detect(message));
        Assert.Equal(expected, Answerer.DetectProcedure(message)?.Key);
        var answer = Answerer.AnswerOffline(message, null);
        Assert.Equal(PolicyIntent.Procedure, answer.Intent);
        Assert.Equal(expected, answer.Procedure?.Key);
    }

    [Theory]
    [InlineData("USBなくしたらどうするんだっけ")]
    [InlineData("ウイルスに感染した場合の連絡先は？")]
    [InlineData("パスワードって何文字以上にすればいい？")]
    public void Questions_StayQuestions(string question)
    {
        Assert.Null(Answerer.DetectProcedure(question));
        // The forms' models only: a report clause's model reads a report, which a question is not.
        var forms = Answerer.ProcedureProbabilities(question).Where(p => Answerer.Procedures.Find(p.Key) is not null).ToList();
        Assert.Equal(5, forms.Count);
        Assert.All(forms, p => Assert.True(p.Value < 0.5, $"{question}: {p.Key} {p.Value}"));
    }

    [Fact]
    public void WhatTheWordTableDecides_IsKept()
    {
        // The table reads a misdelivery report here; a report the table reads is never dropped.
        const string message = "さっき送ったメール、宛先が別の病院だった";
        Assert.Equal("misdelivery_report", Answerer.Procedures.Detect(message)?.Key);
        Assert.Equal("misdelivery_report", Answerer.DetectProcedure(message)?.Key);
    }

    [Fact]
    public void Describe_ReadsTheWordTablesCuesAndTopics()
    {
        var features = ProcedureClassifier.Describe("公用スマホをなくしました", Answerer.Procedures, PolicyAnswerer.DefaultAnalyzer.Value);
        Assert.Contains("s:topic:incident_report", features);
        Assert.Contains(features, f => f.StartsWith("b:", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_SeparatesTheTwoKinds_AndTheFileKeepsTheModels()
    {
        var examples = new List<(IReadOnlyList<string>, bool)>
        {
            (F("w:ナクス", "a:た"), true), (F("w:ヒラク", "a:た"), true), (F("w:ナクス", "a:か"), false), (F("w:パスワード", "a:か"), false),
        };
        var model = ProcedureModel.Train(examples, threshold: 0.5, iterations: 200);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["incident_report"] = model }, vetoBelow: 0.1);
        Assert.Equal("incident_report", classifier.Suggest(F("w:ナクス", "a:た")));
        Assert.Null(classifier.Suggest(F("w:ナクス", "a:か")));
        Assert.True(classifier.Doubts("incident_report", F("w:パスワード", "a:か")));
        Assert.False(classifier.Doubts("incident_report", F("w:ヒラク", "a:た")));
        Assert.False(classifier.Doubts("takeout_request", F("w:パスワード", "a:か")));

        var stricter = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["incident_report"] = model.WithThreshold(0.9) }, vetoBelow: 0.1);
        var reread = ProcedureClassifier.Parse(ProcedureClassifier.Serialize(classifier, stricter, "test"), withWords: false);
        Assert.Equal(0.9, reread.Models["incident_report"].Threshold);
        Assert.Equal(0.1, reread.VetoBelow);
        Assert.Equal(model.Probability(F("w:ヒラク", "a:た")), reread.Models["incident_report"].Probability(F("w:ヒラク", "a:た")), precision: 2);
    }

    [Fact]
    public void AMessageReadAsAQuestion_StartsASureReport_UnlessItAsksLeave_AndNeverARequestWhenItAsks()
    {
        var sure = new ProcedureModel(new Dictionary<string, double>(), bias: 5, threshold: 0.5);
        var report = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["incident_report"] = sure }, vetoBelow: 0.1);
        var request = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["takeout_request"] = sure }, vetoBelow: 0.1);
        static bool IsReport(string key) => key == "incident_report";

        Assert.Equal("incident_report", report.SuggestForQuestion(F("w:ナクス", "s:cue:question"), IsReport));
        Assert.Null(report.SuggestForQuestion(F("w:ナクス", "s:cue:question", "s:cue:permission"), IsReport));
        Assert.Null(request.SuggestForQuestion(F("w:モチダス", "s:cue:question"), IsReport));
        Assert.Equal("takeout_request", request.SuggestForQuestion(F("w:モチダス"), IsReport));
    }

    [Fact]
    public void TheWordTablesPermissionCue_ReadsAQuestionOfLeave_NotAQuestionOfWhatToDo()
    {
        static IReadOnlyList<string> Read(string message) => ProcedureClassifier.Describe(message, Answerer.Procedures, PolicyAnswerer.DefaultAnalyzer.Value);

        Assert.Contains("s:cue:permission", Read("サーバ室の鍵、後輩に預けて開けてもらってもいいっすか"));
        Assert.Contains("s:cue:permission", Read("係長のIDで入力するのって大丈夫なんでしょうか"));
        Assert.Contains("s:cue:permission", Read("忙しいとき後輩に自分のIDで入力してもらうのあり？"));
        Assert.DoesNotContain("s:cue:permission", Read("パソコンが変な動きをしてるんですけど、どうしたらいいですか"));
        Assert.DoesNotContain("s:cue:permission", Read("画面に名簿がバッチリ書いてありました"));
    }

    [Fact]
    public void AReport_CarriesTheFirstResponseClausesItsWordsCallFor()
    {
        var virus = Answerer.AnswerOffline("添付のワード開いてマクロ有効にしたら、画面に英語で金払えって出て全部のファイルが開けない", null);
        Assert.Equal("incident_report", virus.Procedure?.Key);
        Assert.Equal(["6.4(3)⑦"], virus.ReportClauses);

        var lost = Answerer.AnswerOffline("スマホを電車に置き忘れました", null);
        Assert.Equal("incident_report", lost.Procedure?.Key);
        Assert.Empty(lost.ReportClauses);

        // A request never carries them.
        Assert.Empty(Answerer.AnswerOffline("来週USBで資料を持ち出したいです", null).ReportClauses);
    }

    [Fact]
    public void ReportClauseModels_AreKeptByTheFile()
    {
        var examples = new List<(IReadOnlyList<string>, bool)> { (F("w:ウイルス"), true), (F("w:ナクス"), false) };
        var virus = ProcedureModel.Train(examples, threshold: 0.5, iterations: 200);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel>(), 0.1, new Dictionary<string, ProcedureModel> { ["6.4(3)⑦"] = virus }, reportVetoBelow: 0.05);
        Assert.Equal(["6.4(3)⑦"], classifier.ReportClauses(F("w:ウイルス")));
        Assert.Empty(classifier.ReportClauses(F("w:ナクス")));

        var reread = ProcedureClassifier.Parse(ProcedureClassifier.Serialize(classifier, classifier, "test"), withWords: true);
        Assert.Equal(["6.4(3)⑦"], reread.ReportClauses(F("w:ウイルス")));
        Assert.Empty(reread.ReportClauses(F("w:ナクス")));
        Assert.Equal(0.05, reread.ReportVetoBelow);
    }

    [Fact]
    public void AReport_IsDroppedOnlyBelowTheLowerReportVeto()
    {
        // One feature whose weight puts the message at p ≈ 0.08: below the request veto, above the report veto.
        var model = new ProcedureModel(new Dictionary<string, double> { ["w:テスト"] = -2.44 }, 0, 0.5);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["incident_report"] = model }, 0.1, reportVetoBelow: 0.05);
        Assert.True(classifier.Doubts("incident_report", F("w:テスト")));
        Assert.False(classifier.Doubts("incident_report", F("w:テスト"), isReport: true));
    }

    [Fact]
    public void AFormWithoutAModelOfItsOwn_IsCheckedByTheAnyFormModel()
    {
        var examples = new List<(IReadOnlyList<string>, bool)>
        {
            (F("w:廃棄", "a:たい"), true), (F("w:返却", "a:ます"), true), (F("w:廃棄", "s:cue:question"), false), (F("w:返却", "s:cue:question"), false),
        };
        var anyForm = ProcedureModel.Train(examples, threshold: 0.5, iterations: 300);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel>(), 0.1, anyForm: anyForm);
        Assert.True(classifier.Doubts("disposal_request", F("w:廃棄", "s:cue:question")));
        Assert.False(classifier.Doubts("disposal_request", F("w:廃棄", "a:たい")));
        // Without an any-form model, such a form is never doubted.
        Assert.False(new ProcedureClassifier(new Dictionary<string, ProcedureModel>(), 0.1).Doubts("disposal_request", F("w:廃棄", "s:cue:question")));

        var reread = ProcedureClassifier.Parse(ProcedureClassifier.Serialize(classifier, classifier, "test"), withWords: false);
        Assert.True(reread.Doubts("disposal_request", F("w:廃棄", "s:cue:question")));
        Assert.NotNull(TestAnswerer.Offline.Procedures.Find("disposal_request"));
        Assert.NotNull(ProcedureClassifier.LoadEmbedded(withWords: true).AnyFormModel);
        Assert.NotNull(ProcedureClassifier.LoadEmbedded(withWords: false).AnyFormModel);
    }

    [Fact]
    public void AnUnsureReportModel_OffersTheReport_OnlyFromTheOfferLevel_AndNeverARequest()
    {
        // p ≈ 0.27 for 「テスト」, ≈ 0.08 for 「ほか」: between the offer level (0.2) and the threshold (0.5), and below it.
        var report = new ProcedureModel(new Dictionary<string, double> { ["w:テスト"] = -1.0, ["w:ホカ"] = -2.44 }, 0, 0.5);
        var request = new ProcedureModel(new Dictionary<string, double> { ["w:テスト"] = -1.0 }, 0, 0.7);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["incident_report"] = report, ["takeout_request"] = request },
            0.1, reportVetoBelow: 0.05, reportOfferFrom: 0.2);
        bool IsReport(string key) => key == "incident_report";
        Assert.Equal("incident_report", classifier.PossibleReport(F("w:テスト"), IsReport));
        Assert.Null(classifier.PossibleReport(F("w:ホカ"), IsReport));
        Assert.Null(classifier.PossibleReport(F("w:テスト"), _ => false));
        // Without an offer level (an older file), nothing is offered.
        Assert.Null(new ProcedureClassifier(classifier.Models, 0.1).PossibleReport(F("w:テスト"), IsReport));

        var reread = ProcedureClassifier.Parse(ProcedureClassifier.Serialize(classifier, classifier, "test"), withWords: true);
        Assert.Equal(0.2, reread.ReportOfferFrom);
        Assert.Equal("incident_report", reread.PossibleReport(F("w:テスト"), IsReport));
        Assert.Equal(0.2, ProcedureClassifier.LoadEmbedded(withWords: true).ReportOfferFrom);
    }

    [Fact]
    public void AnAnswer_NamesThePossibleReport_AndAReportItStartsIsNoAnswer()
    {
        // The shipped model is unsure of this hypothetical (p between the offer level and its threshold): it is answered,
        // and the answer names the report it may be.
        const string unsure = "公用スマホを落とした時ってどうすればいいんでしたっけ";
        var p = Answerer.ProcedureProbabilities(unsure)["incident_report"];
        Assert.InRange(p, 0.2, 0.5);
        var answer = Answerer.AnswerOffline(unsure, null);
        Assert.Equal(PolicyIntent.Answer, answer.Intent);
        Assert.Equal("incident_report", answer.OfferedProcedure?.Key);

        Assert.Null(Answerer.AnswerOffline("パスワードって何文字以上にすればいい？", null).OfferedProcedure);
    }

    [Fact]
    public void AReportTheTableReads_InAMessageThatAsksLeave_IsAnswered_WithTheReportOffered()
    {
        // The table reads 「出てきて」 as something that happened; the sender asks whether they may turn the notices off.
        const string message = "ウイルス対策ソフトのポップアップが出てきて邪魔、通知止めちゃっていい？";
        Assert.Equal("incident_report", Answerer.Procedures.Detect(message)?.Key);
        Assert.Null(Answerer.DetectProcedure(message));
        var answer = Answerer.AnswerOffline(message, null);
        Assert.Equal(PolicyIntent.Answer, answer.Intent);
        Assert.Equal("incident_report", answer.OfferedProcedure?.Key);
    }

    [Fact]
    public void AReportItsModelIsSureOf_StartsAtOnce_EvenWhenItAsksLeave() =>
        Assert.Equal("incident_report", Answerer.DetectProcedure("公用スマホ落としちゃったんだけど、今から探しに戻っていい？")?.Key);

    [Fact]
    public void AFormTheTableReads_InAMessageThatAsks_IsDoubted_OnlyBelowTheAskedVeto()
    {
        // p ≈ 0.27 for 「テスト」 and ≈ 0.73 for 「モチダス」: below and above the asked veto (0.3).
        var model = new ProcedureModel(new Dictionary<string, double> { ["w:テスト"] = -1.0, ["w:モチダス"] = 1.0 }, 0, 0.7);
        var classifier = new ProcedureClassifier(new Dictionary<string, ProcedureModel> { ["takeout_request"] = model }, 0.1, askedVetoBelow: 0.3);
        Assert.True(classifier.DoubtsAsked("takeout_request", F("w:テスト", "s:cue:question")));
        Assert.False(classifier.DoubtsAsked("takeout_request", F("w:モチダス", "s:cue:question")));
        // A message that asks nothing (「…持ち出します」) is a request, whatever the model says.
        Assert.False(classifier.DoubtsAsked("takeout_request", F("w:テスト")));
        // Without the level (an older file), nothing is doubted this way.
        Assert.False(new ProcedureClassifier(classifier.Models, 0.1).DoubtsAsked("takeout_request", F("w:テスト", "s:cue:question")));

        var reread = ProcedureClassifier.Parse(ProcedureClassifier.Serialize(classifier, classifier, "test"), withWords: true);
        Assert.Equal(0.3, reread.AskedVetoBelow);
        Assert.True(reread.DoubtsAsked("takeout_request", F("w:テスト", "s:cue:question")));
        Assert.Equal(0.3, ProcedureClassifier.LoadEmbedded(withWords: true).AskedVetoBelow);
    }

    [Fact]
    public void ARequestTheTableReads_InAMessageThatAsksAboutItsRules_IsAnswered_WithTheFormOffered()
    {
        // The table reads a plan (予定) to hold a web meeting; the sender asks who sets its rules, which the shipped model
        // doubts is a request for the form.
        const string message = "来週Teams会議に業者さんも入れる予定。そもそも手順って誰が決めてるの？";
        Assert.Equal("web_meeting_request", Answerer.Procedures.Detect(message)?.Key);
        Assert.Null(Answerer.DetectProcedure(message));
        var answer = Answerer.AnswerOffline(message, null);
        Assert.Equal(PolicyIntent.Answer, answer.Intent);
        Assert.Equal("web_meeting_request", answer.OfferedProcedure?.Key);
        // Report clauses (the first responses) belong to reports only.
        Assert.Empty(answer.ReportClauses);

        // A plan that asks what must be filed is still the request.
        Assert.Equal("takeout_request", Answerer.DetectProcedure("研修にUSB持っていく予定です。何か手続きいりますか？")?.Key);
    }

    [Fact]
    public void AReportThatAsksWhatToDo_StillStarts_TheAskedVetoForReportsIsLower()
    {
        var classifier = ProcedureClassifier.LoadEmbedded(withWords: true);
        Assert.True(classifier.AskedReportVetoBelow < classifier.AskedVetoBelow);
        // The shipped report model is unsure of these (p between the two levels), and they are reports.
        Assert.Equal("incident_report", Answerer.DetectProcedure("USBなくしたかも。どうすればいい？")?.Key);
        Assert.Equal("incident_report", Answerer.DetectProcedure("変なメールの添付開いちゃった、どうしよう？")?.Key);
    }
}

