using Isms.Knowledge.Ranking;

namespace Isms.Knowledge.Tests;

/// <summary>
/// The incident classifier backs the word table: a message that says something happened in words no pattern
/// foresaw starts the incident report, a question stays a question, and what the table decides is never overridden.
/// The messages are written for this test, not taken from the tuning or held-out files.
/// </summary>
public class IncidentClassifierFacts
{
    private static PolicyAnswerer Answerer => TestAnswerer.Offline;

    [Theory]
    [InlineData("当直明けで気づいたんだけど、指令台の横に置いてた住民リストの束が消えてる")]
    [InlineData("共有フォルダのファイル名が全部変な英数字になってて開けない")]
    public void ReportsTheWordTableMisses_StartTheIncidentReport(string message)
    {
        Assert.Null(Answerer.Procedures.Detect(message));
        Assert.Equal("incident_report", Answerer.DetectProcedure(message)?.Key);
        var answer = Answerer.AnswerOffline(message, null);
        Assert.Equal(PolicyIntent.Procedure, answer.Intent);
        Assert.Equal("incident_report", answer.Procedure?.Key);
    }

    [Theory]
    [InlineData("USBなくしたらどうするんだっけ")]
    [InlineData("ウイルスに感染した場合の連絡先は？")]
    [InlineData("パスワードって何文字以上にすればいい？")]
    public void Questions_StayQuestions(string question)
    {
        Assert.Null(Answerer.DetectProcedure(question));
        Assert.True(Answerer.IncidentProbability(question) < 0.5, $"{question}: {Answerer.IncidentProbability(question)}");
    }

    [Fact]
    public void WhatTheWordTableDecides_IsKept()
    {
        // The table reads a misdelivery report here; the classifier is asked only when the table reads a question.
        const string message = "さっき送ったメール、宛先が別の病院だった";
        Assert.Equal("misdelivery_report", Answerer.Procedures.Detect(message)?.Key);
        Assert.Equal("misdelivery_report", Answerer.DetectProcedure(message)?.Key);
    }

    [Fact]
    public void Describe_ReadsTheWordTablesCuesAndTopics()
    {
        var features = IncidentClassifier.Describe("公用スマホをなくしました", Answerer.Procedures, PolicyAnswerer.DefaultAnalyzer.Value);
        Assert.Contains("s:topic:incident_report", features);
        Assert.Contains(features, f => f.StartsWith("b:", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_SeparatesTheTwoKinds_AndTheFileKeepsTheModel()
    {
        IReadOnlyList<string> F(params string[] f) => f;
        var examples = new List<(IReadOnlyList<string>, bool)>
        {
            (F("w:ナクス", "a:た"), true), (F("w:ヒラク", "a:た"), true), (F("w:ナクス", "a:か"), false), (F("w:パスワード", "a:か"), false),
        };
        var model = IncidentClassifier.Train(examples, threshold: 0.5, iterations: 200);
        Assert.True(model.IsReport(F("w:ナクス", "a:た")));
        Assert.False(model.IsReport(F("w:ナクス", "a:か")));

        var reread = IncidentClassifier.Parse(IncidentClassifier.Serialize(model, model.WithThreshold(0.9), "test"), withWords: false);
        Assert.Equal(0.9, reread.Threshold);
        Assert.Equal(model.Probability(F("w:ヒラク", "a:た")), reread.Probability(F("w:ヒラク", "a:た")), precision: 2);
    }
}
