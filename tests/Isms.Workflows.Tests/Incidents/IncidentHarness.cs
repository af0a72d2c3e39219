using Isms.Workflows.Approvals;
using Isms.Workflows.Forms;
using Isms.Workflows.Incidents;
using Isms.Workflows.Requests;
using Isms.Workflows.Routing;
using Isms.Workflows.Tests.Approvals;
using Isms.Workflows.Tests.Org;
using Isms.Workflows.Tests.Routing;

namespace Isms.Workflows.Tests.Incidents;

/// <summary>An <see cref="IncidentService"/> on the approval harness (in-memory LiteDB, the sample directory and the
/// shipped routing rules). 山田 (警防課) reports; 佐藤 is his 管理者; 斎藤, 加藤, 渡辺 and 小林 are the CSIRT.</summary>
internal sealed class IncidentHarness : IDisposable
{
    public static readonly string Yamada = ApprovalHarness.Yamada;
    public static readonly string Sato = ApprovalHarness.Sato;
    public static readonly string Ikeda = ApprovalHarness.Ikeda;
    public static readonly string Suzuki = ApprovalHarness.Suzuki;
    public static readonly string Takahashi = OrgTestData.Aad(4);
    public static readonly string Tanaka = OrgTestData.Aad(5);
    public static readonly string Kato = OrgTestData.Aad(7);
    public static readonly string Saito = OrgTestData.Aad(101);
    public static readonly string Watanabe = OrgTestData.Aad(102);
    public static readonly string Kobayashi = OrgTestData.Aad(103);
    public const string Stranger = ApprovalHarness.Stranger;

    private readonly ApprovalHarness _inner;
    private int _submissions;

    public IncidentHarness(DateTimeOffset? now = null)
    {
        _inner = new ApprovalHarness(now ?? ApprovalHarness.AfterLeave);
        foreach (var (aad, teams) in new[] { (Saito, "29:saito"), (Kato, "29:kato"), (Watanabe, "29:watanabe"), (Kobayashi, "29:kobayashi"), (Tanaka, "29:tanaka") })
        {
            _inner.Directory.LearnTeamsUserId(aad, teams);
        }

        Service = new IncidentService(_inner.Database, new ApprovalRouter(RoutingTestData.ShippedRules(), () => _inner.Directory.Current),
            _inner.Directory, _inner.Audit, _inner.Time);
    }

    public IncidentService Service { get; }
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Time => _inner.Time;
    public global::Isms.Workflows.Audit.AuditTrail Audit => _inner.Audit;

    public RequestRecord Load(string id) => _inner.Load(id);

    public RequestRecord Report(bool personalData = false, string reporterAad = "", string reporterTeams = ApprovalHarness.YamadaTeams)
    {
        var record = new RequestRecord
        {
            Kind = FormKind.IncidentReport,
            Title = "インシデント報告",
            Applicant = new RecordApplicant
            {
                UserId = reporterTeams, AadObjectId = reporterAad.Length == 0 ? Yamada : reporterAad, Name = "山田 太郎", Department = "警防課",
            },
            HighestConfidentiality = 2,
            IsIncident = true,
            AppliedClauses = personalData ? ["5.3(1)①", "5.3(1)④"] : ["5.3(1)①"],
            SubmissionKey = $"draft-{++_submissions}:nonce",
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
            Status = RequestStatus.Submitted,
        };
        record.Answers["incidentKind"] = new RecordAnswer { Label = "インシデントの種類", Value = "loss_theft", Display = "紛失・盗難" };
        record.Answers["description"] = new RecordAnswer { Label = "何が起きたか", Value = "公用スマートフォンが見当たりません。", Display = "公用スマートフォンが見当たりません。" };
        record.Answers["personalData"] = new RecordAnswer { Label = "個人情報は含まれていますか", Value = personalData ? "yes" : "no", Display = personalData ? "はい" : "いいえ" };
        return _inner.Store.CreateOnce(record, "インシデント", 2026).Record;
    }

    public string Version(RequestRecord record) => Service.Find(record.Id)!.CardVersion;

    public IncidentResult Ack(RequestRecord record, string aad, string? version = null) =>
        Service.Acknowledge(record.Id, aad, null, version ?? Version(record), "act-ack");

    public IncidentResult Triage(RequestRecord record, string aad, bool? isIncident = true, IncidentSeverity? severity = IncidentSeverity.High,
        string? containment = "該当端末の遠隔ロックとパスワード変更を指示", OutsideReport[]? reports = null, string? version = null) =>
        Service.Triage(record.Id, aad, null, new TriageInput(isIncident, severity, containment, reports ?? [OutsideReport.Ministry, OutsideReport.Prefecture, OutsideReport.MemberTowns]),
            version ?? Version(record), "act-triage");

    /// <summary>Closes the case; by default the CSIRT first marks the due outside reports as made and decides the press is
    /// not told (1(9)⑤⑥), as the close requires.</summary>
    public IncidentResult Close(RequestRecord record, string aad, string? cause = "電車内での置き忘れ", string? prevention = "公用端末の携行時はストラップで身体に固定する",
        string? version = null, bool reportOutsideFirst = true)
    {
        if (reportOutsideFirst && version is null) ReportOutside(record, aad);
        return Service.Close(record.Id, aad, null, cause, prevention, version ?? Version(record), "act-close");
    }

    /// <summary>The CSIRT marks every due outside report as made and, for an incident, decides the press is not told.</summary>
    public void ReportOutside(RequestRecord record, string aad)
    {
        var view = Service.Find(record.Id);
        if (view is null || view.Status != IncidentStatus.Assessed) return;
        foreach (var item in view.OutsideItems.Where(i => i.DoneAt is null))
            Service.MarkOutsideReported(record.Id, aad, null, item.Report, Version(record), "act-outside");
        if (view.IsIncident == true && view.PressNeeded is null) Service.DecidePress(record.Id, aad, null, false, Version(record), "act-outside");
    }

    public void Dispose() => _inner.Dispose();
}
