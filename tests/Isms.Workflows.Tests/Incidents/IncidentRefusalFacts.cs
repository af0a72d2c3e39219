using Isms.Workflows.Incidents;
using static Isms.Workflows.Tests.Incidents.IncidentHarness;

namespace Isms.Workflows.Tests.Incidents;

/// <summary>Who may not act, what is incomplete, old cards and concurrent clicks: each refused with nothing changed.</summary>
public sealed class IncidentRefusalFacts
{
    [Theory]
    [InlineData("stranger")]
    [InlineData("reporter")]
    [InlineData("csirt")]
    public void OnlyTheManager_MayAcknowledge(string who)
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);
        var before = h.Service.Find(record.Id)!;

        var result = h.Ack(record, who switch { "stranger" => Stranger, "reporter" => Yamada, _ => Saito });

        Assert.Equal(IncidentOutcome.NotAllowed, result.Outcome);
        Assert.Contains(who == "reporter" ? "1(8)①" : who == "csirt" ? "佐藤 花子さん" : "組織名簿", result.Message);
        AssertUnchanged(h, record, before);
    }

    [Theory]
    [InlineData("stranger")]
    [InlineData("reporter")]
    [InlineData("manager")]
    [InlineData("ciso")]
    public void OnlyTheCsirt_MayTriageOrClose(string who)
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);
        h.Ack(record, Sato);
        var before = h.Service.Find(record.Id)!;
        var aad = who switch { "stranger" => Stranger, "reporter" => Yamada, "manager" => Sato, _ => Tanaka };

        var triage = h.Triage(record, aad);
        var close = h.Close(record, aad);

        Assert.Equal((IncidentOutcome.NotAllowed, IncidentOutcome.NotAllowed), (triage.Outcome, close.Outcome));
        AssertUnchanged(h, record, before);
    }

    [Fact]
    public void Closing_NeedsTheAssessment_TheAcknowledgement_TheCause_AndThePrevention()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);

        Assert.Contains("評価を記録", h.Close(record, Saito).Message);
        h.Triage(record, Saito);
        Assert.Contains("5.3(1)②", h.Close(record, Saito).Message);
        h.Ack(record, Sato);
        var before = h.Service.Find(record.Id)!;

        var noCause = h.Close(record, Saito, cause: "  ");
        var noPrevention = h.Close(record, Saito, prevention: null);
        var tooLong = h.Close(record, Saito, cause: new string('あ', IncidentService.MaxTextLength + 1));

        Assert.Equal((IncidentOutcome.Invalid, "原因を入力してください（5.3(3)④）。"), (noCause.Outcome, noCause.Message));
        Assert.Equal((IncidentOutcome.Invalid, "再発防止策を入力してください（5.3(3)④）。"), (noPrevention.Outcome, noPrevention.Message));
        Assert.Equal(IncidentOutcome.Invalid, tooLong.Outcome);
        AssertUnchanged(h, record, before);
    }

    [Fact]
    public void Triage_NeedsTheJudgement_AndASeverityForAnIncident()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);

        Assert.Equal(IncidentOutcome.Invalid, h.Triage(record, Saito, isIncident: null).Outcome);
        Assert.Equal("重要度を選んでください。", h.Triage(record, Saito, severity: null).Message);
    }

    [Fact]
    public void AnOldCard_IsRefused_AndAfterTheCloseEverythingIsAlreadyDone()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);
        var first = h.Version(record);
        h.Ack(record, Sato);

        Assert.Equal(IncidentOutcome.StaleCard, h.Triage(record, Saito, version: first).Outcome);
        Assert.Equal(IncidentOutcome.StaleCard, h.Triage(record, Saito, version: "forged").Outcome);
        var again = h.Ack(record, Sato);
        Assert.Equal(IncidentOutcome.AlreadyDone, again.Outcome);
        Assert.StartsWith("インシデント-2026-0001は佐藤 花子さんが2026年8月20日 10:00に確認済みです。", again.Message);

        h.Triage(record, Saito);
        var last = h.Version(record);
        h.Close(record, Saito);

        Assert.Equal(IncidentOutcome.AlreadyDone, h.Close(record, Kato, version: last).Outcome);
        Assert.Equal(IncidentOutcome.AlreadyDone, h.Triage(record, Kato).Outcome);
        Assert.Equal(IncidentOutcome.AlreadyDone, h.Ack(record, Sato).Outcome);
    }

    [Fact]
    public void AfterTheAcknowledgement_SomeoneOutsideTheCase_IsNotToldWhoAcknowledgedOrWhen()
    {
        using var h = new IncidentHarness();
        var record = h.Report();
        h.Service.Open(record, null);
        h.Ack(record, Sato);

        var stranger = h.Ack(record, Stranger);

        Assert.Equal(IncidentOutcome.NotAllowed, stranger.Outcome);
        Assert.DoesNotContain("佐藤", stranger.Message);
        Assert.DoesNotContain("確認済み", stranger.Message);
        Assert.False(h.Service.MayView(record.Id, Stranger, null));
        Assert.True(h.Service.MayView(record.Id, Sato, null));
    }

    [Fact]
    public async Task ConcurrentClicks_OnTheSameCard_ExactlyOneWins()
    {
        using var h = new IncidentHarness(Approvals.ApprovalHarness.InLeave);
        var record = h.Report();
        h.Service.Open(record, null);
        var version = h.Version(record);

        var acks = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => h.Ack(record, i % 2 == 0 ? Sato : Ikeda, version))));
        Assert.Single(acks, r => r.Succeeded);

        version = h.Version(record);
        var triages = await Task.WhenAll(new[] { Saito, Kato, Watanabe, Kobayashi }.Select(aad => Task.Run(() => h.Triage(record, aad, version: version))));
        Assert.Single(triages, r => r.Succeeded);
        Assert.All(triages.Where(r => !r.Succeeded), r => Assert.Equal(IncidentOutcome.StaleCard, r.Outcome));
        Assert.Single(h.Service.Find(record.Id)!.Timeline, t => t.Action == "Assessed");
        Assert.True(h.Audit.Verify().IsValid);
    }

    private static void AssertUnchanged(IncidentHarness h, Requests.RequestRecord record, IncidentView before)
    {
        var after = h.Service.Find(record.Id)!;
        Assert.Equal(before.CardVersion, after.CardVersion);
        Assert.Equal(before.Timeline.Count, after.Timeline.Count);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(after.Timeline.Count, h.Audit.Entries(record.Id).Count);
    }
}
