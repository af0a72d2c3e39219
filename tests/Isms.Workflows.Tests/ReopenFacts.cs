using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Tests.Support;
using static Isms.Workflows.Tests.Support.FormSession;

namespace Isms.Workflows.Tests;

/// <summary>A returned (差戻し) record reopened by its applicant: the answers come back, the comment stays on every
/// card, and sending it resubmits the same record.</summary>
public sealed class ReopenFacts
{
    [Fact]
    public void AReturnedRecord_Reopens_AndResubmitsUnderItsNumber()
    {
        using var harness = new FormHarness();
        var record = FileAndReturn(harness, FormHarness.Alice);

        var session = harness.Session(FormHarness.Alice);
        session.Last = harness.Service.Reopen(FormHarness.Alice, record.Id, "木村 智子", "目的を具体的に書いてください");
        Assert.Contains("目的を具体的に書いてください", AllText(session.Card));
        Assert.Equal("USB-012", InputValue(session.Card, "assetNumber"));
        session.Next();
        session.Next(("purpose", "県の防災会議で説明するため"));
        Assert.Contains("目的を具体的に書いてください", AllText(session.Card)); // still there on the next card
        session.FillIn();
        session.Click("送信");

        var resubmitted = Assert.IsType<RequestRecord>(session.Last.CreatedRecord);
        Assert.Equal((record.Id, record.Number), (resubmitted.Id, resubmitted.Number));
        var stored = Assert.Single(harness.AllRecords());
        Assert.Equal(RequestStatus.PendingApproval, stored.Status); // the form's initial status; assigning makes it pending again
        Assert.Equal("県の防災会議で説明するため", stored.Answers["purpose"].Value);
        Assert.Equal(["Submitted", "Resubmitted"], stored.History.Select(h => h.Action));
        Assert.Empty(harness.Drafts.ListByOwner(FormHarness.Alice.UserId));
    }

    [Fact]
    public void OnlyTheApplicant_OnlyWhileReturned_AndNotOverAnotherDraftOfTheSameForm()
    {
        using var harness = new FormHarness();
        var record = FileAndReturn(harness, FormHarness.Alice);

        Assert.Contains("見つかりませんでした", Text(harness.Service.Reopen(FormHarness.Bob, record.Id, null, null)));
        Assert.Contains("見つかりませんでした", Text(harness.Service.Reopen(FormHarness.Alice, "no-such-record", null, null)));

        harness.Service.Start(FormHarness.Alice, FormKind.TakeoutRequest, null);
        Assert.Contains("作成途中の持ち出し申請があります", Text(harness.Service.Reopen(FormHarness.Alice, record.Id, null, null)));

        var approved = harness.Records.FindById(record.Id)!;
        approved.Status = RequestStatus.Approved;
        harness.Records.Update(approved);
        Assert.Contains("修正して再申請することはできません", Text(harness.Service.Reopen(FormHarness.Alice, record.Id, null, null)));
        Assert.Single(harness.Drafts.ListByOwner(FormHarness.Alice.UserId));
    }

    private static RequestRecord FileAndReturn(FormHarness harness, Applicant who)
    {
        var session = harness.Session(who);
        session.Start(FormKind.TakeoutRequest);
        session.FillIn([.. TakeoutRequestFacts.Answers(), ("otherMeasures", "パスワード付きで保存")]);
        session.Click("送信");
        var record = session.Last.CreatedRecord!;
        record.Status = RequestStatus.Returned;
        harness.Records.Update(record);
        return record;
    }

    private static string Text(FormReply reply) => string.Join("\n", reply.Messages.Select(m => m.Text));
}
