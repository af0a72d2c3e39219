using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using Isms.Workflows.Tests.Org;
using Isms.Workflows.Tests.Routing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>An <see cref="ApprovalService"/> on an in-memory LiteDB, the shipped sample directory and routing rules,
/// and a clock in 佐藤 花子's leave (池田 誠司 acts for her 2026-08-10..16).</summary>
internal sealed class ApprovalHarness : IDisposable
{
    public static readonly DateTimeOffset InLeave = new(2026, 8, 12, 10, 0, 0, JapanTime.Offset);
    public static readonly DateTimeOffset AfterLeave = new(2026, 8, 20, 10, 0, 0, JapanTime.Offset);

    public const string SatoTeams = "29:sato";
    public const string IkedaTeams = "29:ikeda";
    public const string YamadaTeams = "29:yamada";

    public static readonly string Yamada = OrgTestData.Aad(1);
    public static readonly string Sato = OrgTestData.Aad(2);
    public static readonly string Suzuki = OrgTestData.Aad(3);
    public static readonly string Ikeda = OrgTestData.Aad(6);
    public const string Stranger = "99999999-0000-4000-8000-000000000999";

    private int _submissions;

    /// <param name="directoryPath">A copy of the sample directory that the test rewrites and reloads; the sample itself by default.</param>
    public ApprovalHarness(DateTimeOffset? now = null, Isms.Workflows.Routing.RoutingRules? rules = null, string? directoryPath = null)
    {
        Time = new FakeTimeProvider(now ?? InLeave);
        Database = IsmsDatabase.InMemory();
        var options = Options.Create(new DirectoryOptions { Path = directoryPath ?? OrgTestData.SamplePath, Watch = false });
        Directory = new OrgDirectoryService(options, Database, Time, NullLogger<OrgDirectoryService>.Instance);
        Directory.LearnTeamsUserId(Sato, SatoTeams);
        Directory.LearnTeamsUserId(Ikeda, IkedaTeams);
        Directory.LearnTeamsUserId(Yamada, YamadaTeams);
        Store = new LiteDbRequestStore(Database);
        Audit = new AuditTrail(Database, Time, NullLogger<AuditTrail>.Instance);
        Router = new Isms.Workflows.Routing.ApprovalRouter(rules ?? RoutingTestData.ShippedRules(), () => Directory.Current);
        CloudRegister = new Isms.Workflows.Procedures.CloudServiceRegister(Database);
        Service = new ApprovalService(Database, Router, Directory, Audit, Time);
    }

    public FakeTimeProvider Time { get; }
    public Isms.Workflows.Routing.ApprovalRouter Router { get; }
    public IsmsDatabase Database { get; }
    public OrgDirectoryService Directory { get; }
    public LiteDbRequestStore Store { get; }
    public AuditTrail Audit { get; }
    public ApprovalService Service { get; }
    public Isms.Workflows.Procedures.CloudServiceRegister CloudRegister { get; }

    public RequestRecord Submit(FormKind? form = null, string applicantAad = "", string applicantTeams = YamadaTeams,
        string applicantName = "山田 太郎", bool incident = false)
    {
        var kind = form ?? FormKind.TakeoutRequest;
        var (prefix, title, clause) = kind switch
        {
            _ when kind == FormKind.MisdeliveryReport => ("誤送信", "誤送信報告", "6.1(15)④"),
            _ when kind == FormKind.IncidentReport => ("事案", "インシデント報告", "5.3(1)①"),
            _ => ("持出", "持ち出し申請", "5.1(1)③(イ)"),
        };
        var record = new RequestRecord
        {
            Kind = kind,
            Title = title,
            Applicant = new RecordApplicant
            {
                UserId = applicantTeams,
                AadObjectId = applicantAad.Length == 0 ? Yamada : applicantAad,
                Name = applicantName,
                Department = "警防課",
            },
            HighestConfidentiality = 2,
            IsIncident = incident || kind == FormKind.IncidentReport,
            AppliedClauses = [clause],
            SubmissionKey = $"draft-{++_submissions}:nonce",
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
            Status = RequestStatus.Submitted,
        };
        record.Answers["item"] = new RecordAnswer { Label = "持ち出す情報", Value = "訓練計画書", Display = "訓練計画書（USBメモリ）" };
        record.Answers["destination"] = new RecordAnswer { Label = "持ち出し先", Value = "県庁", Display = "群馬県庁 会議室" };
        record.Answers["confidentiality"] = new RecordAnswer { Label = "機密性", Value = "2", Display = "機密性2" };
        return Store.CreateOnce(record, prefix, 2026).Record;
    }

    public RequestRecord Load(string id) => Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName).FindById(id);

    public DecisionResult Decide(RequestRecord record, string aad, Decision decision = Decision.Approve, string? comment = null,
        string? version = null, string? activityId = "act-decide", string? teamsId = null) =>
        Service.Decide(record.Id, aad, teamsId, decision, comment, version ?? Service.Find(record.Id)!.CardVersion, activityId);

    public static string AllText(JsonNode node) => node switch
    {
        JsonObject o => string.Join("\n", o.Select(p => p.Value is null ? "" : AllText(p.Value))),
        JsonArray a => string.Join("\n", a.Select(n => n is null ? "" : AllText(n))),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => "",
    };

    public void Dispose()
    {
        Directory.Dispose();
        Database.Dispose();
    }
}
