using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

public sealed class MyRequestsFacts : IDisposable
{
    private readonly FormHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    private RequestRecord SubmitTakeout(Applicant who)
    {
        var session = _harness.Session(who);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn(TakeoutRequestFacts.Answers());
        session.Click("送信");
        return session.Last.CreatedRecord!;
    }

    [Fact]
    public void NothingYet_SaysSo()
    {
        var card = _harness.Service.MyRequests(FormHarness.Alice).Messages.Single().Card!;

        Assert.Contains("現在、受付中の申請・報告はありません。", AllText(card));
    }

    [Fact]
    public void ShowsOpenRecordsWithStatusAndNextStep_AndDrafts_ButNotOtherPeoples()
    {
        var mine = SubmitTakeout(FormHarness.Alice);
        var bobs = SubmitTakeout(FormHarness.Bob);
        _harness.Session(FormHarness.Alice).Start(FormKind.CloudUseRequest);

        var card = _harness.Service.MyRequests(FormHarness.Alice).Messages.Single().Card!;
        var text = AllText(card);

        Assert.Contains($"{mine.Number}　持ち出し申請", text);
        Assert.DoesNotContain(bobs.Number, text);
        Assert.Equal("承認待ち", Facts(card)["状態"]);
        Assert.Equal(mine.NextStep, Facts(card)["次の対応"]);
        Assert.Contains("クラウド利用申請（作成途中・未送信）", text);
        Assert.Contains("続きから再開", ButtonTitles(card));
    }

    [Fact]
    public void FinishedRecords_DropOutAfterTheRecentPeriod()
    {
        var record = SubmitTakeout(FormHarness.Alice);
        record.Status = RequestStatus.Closed;
        record.UpdatedAt = FormHarness.Now.AddDays(-(_harness.Options.RecentDays + 1));
        _harness.Records.Update(record);

        var card = _harness.Service.MyRequests(FormHarness.Alice).Messages.Single().Card!;

        Assert.DoesNotContain(record.Number, AllText(card));
    }

    [Fact]
    public void RecentlyFinishedRecords_ShowTheirStatus_WithoutANextStep()
    {
        var record = SubmitTakeout(FormHarness.Alice);
        record.Status = RequestStatus.Rejected;
        _harness.Records.Update(record);

        var card = _harness.Service.MyRequests(FormHarness.Alice).Messages.Single().Card!;

        Assert.Equal("却下", Facts(card)["状態"]);
        Assert.False(Facts(card).ContainsKey("次の対応"));
    }
}
