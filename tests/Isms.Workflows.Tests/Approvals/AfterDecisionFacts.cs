using System.Text;
using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Audit;
using Isms.Workflows.Cards;
using Isms.Workflows.Forms;
using Isms.Workflows.Procedures;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Approvals.ApprovalHarness;

namespace Isms.Workflows.Tests.Approvals;

/// <summary>What follows a decision: the 差戻し card, the クラウド台帳, the 返却 step, 申請状況 with the approval state,
/// and who may verify and export the audit trail.</summary>
public sealed class AfterDecisionFacts
{
    private static readonly Lazy<IReadOnlyList<(string Name, JsonObject Card)>> Gallery = new(BuildGallery);

    public static TheoryData<string> CardNames => new(Gallery.Value.Select(c => c.Name));

    [Fact]
    public void AReturn_TellsTheApplicantWithAReopenCard_AnApprovalWithoutOne()
    {
        using var h = new ApprovalHarness(AfterLeave);
        var returned = h.Submit();
        h.Service.Assign(returned, "act-1");
        var result = h.Decide(returned, Sato, Decision.Return, "持ち出し先の住所を記入してください");

        var notice = Assert.Single(result.Notifications);
        Assert.Equal(YamadaTeams, notice.To.TeamsUserId);
        var card = Assert.IsType<JsonObject>(notice.Card);
        Assert.Contains("持ち出し先の住所を記入してください", AllText(card));
        var reopen = card["actions"]!.AsArray().Single()!;
        Assert.Equal("修正して再申請", (string?)reopen["title"]);
        Assert.Equal(returned.Id, (string?)reopen["data"]!["record"]);
        Assert.Equal("reopen", (string?)reopen["data"]!["isms"]);

        var approved = h.Submit();
        h.Service.Assign(approved, "act-2");
        Assert.Null(Assert.Single(h.Decide(approved, Sato).Notifications).Card);
    }

    [Fact]
    public void ACloudService_EntersTheRegister_OnlyWhenFinallyApproved()
    {
        using var h = new ApprovalHarness(AfterLeave);
        var returned = SubmitCloud(h, "Box", confidentiality: 1);
        h.Decide(returned, DeciderOf(h, returned), Decision.Return, "目的を具体的に");
        var approved = SubmitCloud(h, "kintone", confidentiality: 1);
        DecideUntilDone(h, approved);
        var takeout = h.Submit();
        h.Service.Assign(takeout, "act-t");
        h.Decide(takeout, Sato);

        var entry = Assert.Single(h.CloudRegister.List());
        Assert.Equal("kintone", entry.ServiceName);
        Assert.Equal("訓練の出欠管理", entry.Purpose);
        Assert.Equal("8.4(2)②", entry.Clause);
        Assert.Equal(1, entry.Confidentiality);
        Assert.Equal(h.Load(approved.Id).Number, entry.RecordNumber);
        Assert.False(string.IsNullOrEmpty(entry.ApprovedByName));

        var confidential = SubmitCloud(h, "Google Workspace", confidentiality: 2);
        DecideUntilDone(h, confidential);
        Assert.Equal("8.3(5)③", h.CloudRegister.List().Single(e => e.ServiceName == "Google Workspace").Clause);
    }

    [Fact]
    public void AReturn_IsRecordedOnce_ByTheHolder_As持ち込み()
    {
        using var h = new ApprovalHarness(AfterLeave);
        var returns = new TakeoutReturns(h.Database, h.Store, h.Audit, h.Directory, h.Router, h.Time);
        var pending = h.Submit();
        h.Service.Assign(pending, "act-p");
        var approved = h.Submit();
        h.Service.Assign(approved, "act-a");
        h.Decide(approved, Sato);

        Assert.Equal([approved.Id], returns.Outstanding(YamadaTeams).Select(r => r.Id));
        Assert.Equal(CheckInOutcome.NotApproved, returns.RecordReturn(pending.Id, YamadaTeams, Yamada, "act-1").Outcome);
        Assert.Equal(CheckInOutcome.NotHolder, returns.RecordReturn(approved.Id, "29:suzuki", Suzuki, "act-2").Outcome);
        Assert.Equal(CheckInOutcome.NotFound, returns.RecordReturn("nope", YamadaTeams, Yamada, "act-3").Outcome);
        Assert.Null(h.Load(approved.Id).ReturnedAt);

        h.Time.Advance(TimeSpan.FromDays(2));
        var recorded = returns.RecordReturn(approved.Id, YamadaTeams, Yamada, "act-4");
        Assert.True(recorded.Succeeded);
        var stored = h.Load(approved.Id);
        Assert.Equal(h.Time.GetUtcNow(), stored.ReturnedAt);
        Assert.Equal(RequestStatus.Closed, stored.Status);
        Assert.Empty(returns.Outstanding(YamadaTeams));
        var audit = h.Audit.Entries(approved.Id).Last();
        Assert.Equal(("CheckedIn", "5.1(1)⑤", "act-4", "E0001"), (audit.Event.Action, audit.Event.Clause, audit.Event.ActivityId, audit.Event.ActorId));

        var twice = returns.RecordReturn(approved.Id, YamadaTeams, Yamada, "act-5");
        Assert.Equal(CheckInOutcome.AlreadyReturned, twice.Outcome);
        Assert.Contains("返却済み", twice.Message);
        Assert.Single(h.Audit.Entries(approved.Id), e => e.Event.Action == "CheckedIn");
        Assert.True(h.Audit.Verify().IsValid);
    }

    [Fact]
    public void TheManagerWhoKeepsTheRecord_IsToldOfAReturn_AndConfirmsIt()
    {
        // 5.1(1)⑤: the 管理者 keeps the record of 持ち出し and 持ち込み, so the return reaches them and they confirm it.
        using var h = new ApprovalHarness(AfterLeave);
        var returns = new TakeoutReturns(h.Database, h.Store, h.Audit, h.Directory, h.Router, h.Time);
        var approved = h.Submit();
        h.Service.Assign(approved, "act-a");
        h.Decide(approved, Sato);

        var recorded = returns.RecordReturn(approved.Id, YamadaTeams, Yamada, "act-1");

        var notice = Assert.Single(recorded.Notices!);
        Assert.Equal("佐藤 花子", notice.To.Name);
        Assert.Contains("返却を確認", notice.Text, StringComparison.Ordinal);
        AdaptiveCardValidator.AssertValid(notice.Card!);
        Assert.Null(h.Load(approved.Id).ReturnConfirmedAt);

        h.Time.Advance(TimeSpan.FromHours(3));
        var confirmed = returns.RecordReturn(approved.Id, SatoTeams, Sato, "act-2");

        Assert.True(confirmed.Succeeded);
        Assert.Empty(confirmed.Notices ?? []);
        var stored = h.Load(approved.Id);
        Assert.Equal((h.Time.GetUtcNow(), "佐藤 花子"), (stored.ReturnConfirmedAt, stored.ReturnConfirmedBy));
        Assert.Contains(stored.History, e => e.Action == "ReturnConfirmed" && e.Note!.Contains("5.1(1)⑤", StringComparison.Ordinal));
        Assert.Equal(("ReturnConfirmed", "E0002"), (h.Audit.Entries(approved.Id).Last().Event.Action, h.Audit.Entries(approved.Id).Last().Event.ActorId));
        Assert.Equal(CheckInOutcome.AlreadyReturned, returns.RecordReturn(approved.Id, SatoTeams, Sato, "act-3").Outcome);
    }

    [Fact]
    public void TheManager_MayRecordAReturnTheHolderHasNot()
    {
        using var h = new ApprovalHarness(AfterLeave);
        var returns = new TakeoutReturns(h.Database, h.Store, h.Audit, h.Directory, h.Router, h.Time);
        var approved = h.Submit();
        h.Service.Assign(approved, "act-a");
        h.Decide(approved, Sato);

        Assert.True(returns.RecordReturn(approved.Id, SatoTeams, Sato, "act-1").Succeeded);

        var stored = h.Load(approved.Id);
        Assert.Equal((RequestStatus.Closed, h.Time.GetUtcNow(), h.Time.GetUtcNow()), (stored.Status, stored.ReturnedAt, stored.ReturnConfirmedAt));
        Assert.Equal(["CheckedIn", "ReturnConfirmed"], h.Audit.Entries(approved.Id).Select(e => e.Event.Action).TakeLast(2));
        Assert.Equal(CheckInOutcome.AlreadyReturned, returns.RecordReturn(approved.Id, YamadaTeams, Yamada, "act-2").Outcome);
    }

    [Theory]
    [InlineData("E0005", true)]  // CISO
    [InlineData("E0004", true)]  // 統括情報セキュリティ責任者
    [InlineData("E0003", true)]  // 情報システム管理者（ネットワーク）
    [InlineData("E0301", true)]  // 情報システム管理者（消防指令システム）
    [InlineData("E0002", false)] // 情報セキュリティ管理者
    [InlineData("E0201", false)] // 情報セキュリティ責任者 only
    [InlineData("E0001", false)]
    public void OnlyTheRolesThatAuditTheWholeUnion_MayVerifyAndExport(string personId, bool mayAudit)
    {
        using var h = new ApprovalHarness();
        var directory = h.Directory.Current;

        Assert.Equal(mayAudit, AuditAccess.MayAudit(directory, directory.FindById(personId)));
        Assert.False(AuditAccess.MayAudit(directory, null));
    }

    [Fact]
    public void TheExport_WritesEveryEntryToANewCsvFile()
    {
        using var h = new ApprovalHarness();
        var takeout = h.Submit();
        h.Service.Assign(takeout, "act-1");
        h.Decide(takeout, Ikeda);
        var folder = Directory.CreateTempSubdirectory("isms-audit-export-").FullName;
        try
        {
            var first = AuditFileExport.Write(h.Audit, folder, h.Time.GetUtcNow());
            var second = AuditFileExport.Write(h.Audit, folder, h.Time.GetUtcNow());

            Assert.NotEqual(first.Path, second.Path);
            Assert.Equal(Path.Combine(folder, AuditFileExport.FolderName), Path.GetDirectoryName(first.Path));
            Assert.Equal(h.Audit.Entries().Count, first.EntryCount);
            Assert.True(first.Verification.IsValid);
            var lines = File.ReadAllText(first.Path, Encoding.UTF8).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(first.EntryCount + 1, lines.Length);
            Assert.Contains("ApprovalRequested", lines[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryNewCard_PassesTheAdaptiveCardsParser_ForSchema15()
    {
        Assert.Equal(8, Gallery.Value.Count);
        Assert.Empty(AdaptiveCardValidator.Validate(Gallery.Value));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Card_MatchesItsSnapshot(string name) =>
        Snapshot.Match(name, Gallery.Value.Single(c => c.Name == name).Card, "Approvals/Snapshots");

    [Fact]
    public void MyRequests_ShowsTheWaitingStep_TheDecisions_AndTheButtonsThatApply()
    {
        var card = Gallery.Value.Single(c => c.Name == "my-requests.with-approvals").Card;
        var text = AllText(card);

        Assert.Contains("情報セキュリティ管理者", text);
        Assert.Contains("佐藤 花子さん", text);
        Assert.Contains("持ち出し先の住所を記入してください", text);
        var titles = card["body"]!.AsArray().SelectMany(Buttons).ToList();
        Assert.Equal(["修正して再申請", "取り下げ"], titles.Order().ToList());
    }

    private static IEnumerable<string> Buttons(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Submit" => [(string)o["title"]!],
        JsonObject o => o.SelectMany(p => Buttons(p.Value)),
        JsonArray a => a.SelectMany(Buttons),
        _ => [],
    };

    private static IReadOnlyList<(string, JsonObject)> BuildGallery()
    {
        using var h = new ApprovalHarness(AfterLeave);
        var pending = h.Submit();
        h.Service.Assign(pending, "act-1");
        var returned = h.Submit();
        h.Service.Assign(returned, "act-2");
        var returnCard = h.Decide(returned, Sato, Decision.Return, "持ち出し先の住所を記入してください").Notifications[0].Card!;
        var approved = h.Submit();
        h.Service.Assign(approved, "act-3");
        h.Decide(approved, Sato, comment: "返却日を守ってください");
        var records = new[] { pending, returned, approved }.Select(r => h.Load(r.Id)).Reverse().ToList();
        var cloud = SubmitCloud(h, "kintone", confidentiality: 1);
        DecideUntilDone(h, cloud);

        return
        [
            ("returned.reopen", returnCard),
            ("my-requests.with-approvals", StatusCardRenderer.MyRequestsCard(records, [], r => RecordProgress.Of(r, h.Service.Find(r.Id), null))),
            ("my-requests.without-approvals", StatusCardRenderer.MyRequestsCard(records, [])),
            ("cloud-register", CloudRegisterCard.Create(h.CloudRegister.List())),
            ("cloud-register.empty", CloudRegisterCard.Create([])),
            ("takeout-returns", TakeoutReturnCard.Create([h.Load(approved.Id)])),
            ("takeout-returns.empty", TakeoutReturnCard.Create([])),
            ("my-requests.returned-item", StatusCardRenderer.MyRequestsCard([ReturnedItem(h, approved.Id)], [], r => RecordProgress.Of(r, h.Service.Find(r.Id), null))),
        ];
    }

    private static RequestRecord ReturnedItem(ApprovalHarness h, string id)
    {
        var record = h.Load(id);
        record.ReturnedAt = h.Time.GetUtcNow().AddDays(1);
        record.Status = RequestStatus.Closed;
        return record;
    }

    private static RequestRecord SubmitCloud(ApprovalHarness h, string service, int confidentiality)
    {
        var record = h.Submit(FormKind.CloudUseRequest);
        record.Title = "クラウド利用申請";
        record.HighestConfidentiality = confidentiality;
        record.Answers.Clear();
        record.Answers["serviceName"] = new RecordAnswer { Label = "サービス名", Value = service, Display = service };
        record.Answers["purpose"] = new RecordAnswer { Label = "利用する業務・目的", Value = "訓練の出欠管理", Display = "訓練の出欠管理" };
        record.Answers["confidentiality"] = new RecordAnswer
        {
            Label = "機密性", Value = confidentiality.ToString(System.Globalization.CultureInfo.InvariantCulture), Display = $"機密性{confidentiality}",
        };
        h.Store.Update(record);
        h.Service.Assign(h.Load(record.Id), "act-cloud");
        return h.Load(record.Id);
    }

    private static string DeciderOf(ApprovalHarness h, RequestRecord record)
    {
        var name = h.Service.Find(record.Id)!.CurrentDeciderNames[0];
        return h.Directory.Current.People.First(p => p.Name == name).AadObjectId!;
    }

    private static void DecideUntilDone(ApprovalHarness h, RequestRecord record)
    {
        for (var i = 0; i < 5 && h.Service.Find(record.Id)!.State == ApprovalState.Pending; i++)
        {
            Assert.True(h.Decide(record, DeciderOf(h, record)).Succeeded);
        }

        Assert.Equal(RequestStatus.Approved, h.Load(record.Id).Status);
    }
}
