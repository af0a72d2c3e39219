using Isms.Workflows.Requests;

namespace Isms.Workflows.Tests;

public sealed class StatusTransitionFacts
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(9));

    [Theory]
    [InlineData(RequestStatus.Submitted, RequestStatus.PendingApproval)]
    [InlineData(RequestStatus.PendingApproval, RequestStatus.Approved)]
    [InlineData(RequestStatus.Submitted, RequestStatus.Acknowledged)]
    [InlineData(RequestStatus.Returned, RequestStatus.PendingApproval)]
    [InlineData(RequestStatus.Approved, RequestStatus.Closed)]
    [InlineData(RequestStatus.Acknowledged, RequestStatus.Closed)]
    public void ChangeStatus_AnAllowedMove_ChangesTheStatus_AndWritesTheHistory(RequestStatus from, RequestStatus to)
    {
        var record = new RequestRecord { Number = "持出-2026-0001", Status = from };

        record.ChangeStatus(to, new RequestHistoryEntry { At = Now, Actor = "u1", Action = "Moved" });

        Assert.Equal(to, record.Status);
        Assert.Equal(Now, record.UpdatedAt);
        Assert.Equal("Moved", Assert.Single(record.History).Action);
    }

    [Theory]
    [InlineData(RequestStatus.Withdrawn, RequestStatus.PendingApproval)]
    [InlineData(RequestStatus.Rejected, RequestStatus.Approved)]
    [InlineData(RequestStatus.Closed, RequestStatus.Approved)]
    [InlineData(RequestStatus.Approved, RequestStatus.Withdrawn)]
    [InlineData(RequestStatus.Returned, RequestStatus.Approved)]
    public void ChangeStatus_AMoveNotInTheTable_Throws_AndChangesNothing(RequestStatus from, RequestStatus to)
    {
        var record = new RequestRecord { Number = "持出-2026-0001", Status = from };

        Assert.Throws<InvalidOperationException>(() => record.ChangeStatus(to, new RequestHistoryEntry { At = Now, Action = "Moved" }));

        Assert.Equal(from, record.Status);
        Assert.Empty(record.History);
    }

    [Fact]
    public void FinalStatuses_GoNowhere() =>
        Assert.All([RequestStatus.Rejected, RequestStatus.Withdrawn, RequestStatus.Closed],
            from => Assert.DoesNotContain(Enum.GetValues<RequestStatus>(), to => from.MayChangeTo(to)));
}
