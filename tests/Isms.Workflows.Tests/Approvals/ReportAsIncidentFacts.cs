using Isms.Workflows.Approvals;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>5.3(1)①: the 管理者 (or their stand-in) who confirms a 誤送信報告 can make it an incident report, linked both ways, once.</summary>
public sealed class ReportAsIncidentFacts : IDisposable
{
    private readonly ApprovalHarness _h = new();

    public void Dispose() => _h.Dispose();

    private RequestRecord AssignedMisdelivery()
    {
        var record = _h.Submit(FormKind.MisdeliveryReport);
        _h.Service.Assign(record, "act-card");
        return record;
    }

    [Fact]
    public void TheManager_MakesAnIncidentReport_EachRecordNamingTheOther()
    {
        var report = AssignedMisdelivery();

        var result = _h.Decide(report, Sato, Decision.ReportIncident);

        Assert.Equal(DecisionOutcome.Decided, result.Outcome);
        var stored = _h.Load(report.Id);
        Assert.Equal(RequestStatus.Acknowledged, stored.Status);
        var incident = _h.Store.FindByNumber(stored.LinkedRecordNumber!)!;
        Assert.Equal(result.Incident!.Id, incident.Id);
        Assert.Equal((FormKind.IncidentReport, true, RequestStatus.Submitted), (incident.Kind, incident.IsIncident, incident.Status));
        Assert.Equal("佐藤 花子", incident.Applicant.Name);
        Assert.Equal((stored.Id, stored.Number, "誤送信報告"), (incident.LinkedRecordId, incident.LinkedRecordNumber, incident.LinkedRecordTitle));
        Assert.Equal(incident.Id, stored.LinkedRecordId);
        Assert.Equal("ReportedAsIncident", stored.History[^1].Action);
        Assert.Contains("情報セキュリティインシデントとして報告しました", result.Notifications[0].Text, StringComparison.Ordinal);
        Assert.Contains($"インシデント報告（{incident.Number}）", AllText(StatusCardRenderer.MyRequestsCard([stored], [])));
        Assert.Contains($"誤送信報告（{stored.Number}）", AllText(StatusCardRenderer.MyRequestsCard([incident], [])));
        Assert.Contains(incident.Number, AllText(DecisionCard.Status(result.View!)));
    }

    [Fact]
    public void ADoubleTap_MakesOneIncident()
    {
        var report = AssignedMisdelivery();
        var version = _h.Service.Find(report.Id)!.CardVersion;

        var first = _h.Decide(report, Sato, Decision.ReportIncident, version: version);
        var second = _h.Decide(report, Sato, Decision.ReportIncident, version: version);

        Assert.Equal(DecisionOutcome.Decided, first.Outcome);
        Assert.Equal(DecisionOutcome.AlreadyDecided, second.Outcome);
        Assert.Null(second.Incident);
        Assert.Single(_h.Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName).Find(r => r.Kind == FormKind.IncidentReport));
    }

    [Theory]
    [InlineData("applicant")]
    [InlineData("officer")]
    [InlineData("stranger")]
    public void NobodyButTheManagerOrTheirStandIn_MayDoIt(string who)
    {
        var report = AssignedMisdelivery();
        var aad = who switch { "applicant" => Yamada, "officer" => Suzuki, _ => Stranger };

        var result = _h.Decide(report, aad, Decision.ReportIncident);

        Assert.Equal(DecisionOutcome.NotAllowed, result.Outcome);
        Assert.Null(_h.Load(report.Id).LinkedRecordNumber);
        Assert.Empty(_h.Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName).Find(r => r.Kind == FormKind.IncidentReport));
    }

    [Fact]
    public void TheManagersDeputy_MayDoItInTheLeave()
    {
        var report = AssignedMisdelivery();

        var result = _h.Decide(report, Ikeda, Decision.ReportIncident);

        Assert.Equal(DecisionOutcome.Decided, result.Outcome);
        Assert.Equal("池田 誠司", result.Incident!.Applicant.Name);
    }

    [Fact]
    public void ARequest_CannotBeMadeAnIncidentThisWay()
    {
        var takeout = _h.Submit();
        _h.Service.Assign(takeout, "act-card");

        var refused = _h.Decide(takeout, Sato, Decision.ReportIncident);

        Assert.Equal(DecisionOutcome.Invalid, refused.Outcome);
        Assert.DoesNotContain("isms.reportIncident", DecisionCard.ForApprovers(refused.View!).ToJsonString());
        Assert.Empty(_h.Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName).Find(r => r.Kind == FormKind.IncidentReport));
    }
}
