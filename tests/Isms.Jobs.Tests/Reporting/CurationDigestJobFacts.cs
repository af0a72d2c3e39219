using Isms.Jobs.Ports;
using Isms.Jobs.Reporting;
using Isms.Jobs.Tests.Support;
using Isms.Workflows.Notifications;
using static Isms.Jobs.Tests.Scheduling.WorkingCalendarFacts;

namespace Isms.Jobs.Tests.Reporting;

public sealed class CurationDigestJobFacts : IDisposable
{
    private readonly JobFixture _f = new("2026-09-01T08:00");
    private readonly FakeDigest _digest = new();

    public void Dispose() => _f.Dispose();

    private CurationDigestJob Job() => new(_digest, _f.People, _f.Notifier, _f.Due, _f.Ledger, _f.OptionsWrapper, _f.Time, JobFixture.Log<CurationDigestJob>());

    [Fact]
    public async Task OnMondayFromTheDigestTime_TheChiefOfficerAndTheDesk_GetLastWeeksList_Once()
    {
        _f.SetJst("2026-11-30T08:00"); // a Monday, before the digest time
        await Job().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);
        Assert.Empty(_digest.Asked);

        _f.SetJst("2026-11-30T09:00");
        var first = await Job().RunAsync(default);
        _f.SetJst("2026-12-02T14:00");
        var again = await Job().RunAsync(default);

        Assert.Equal((2, 2), (first.Examined, first.Sent));
        Assert.Equal(0, again.Sent);
        Assert.Equal(["ChiefOfficer", "IncidentDesk"], _f.Notifier.Sent.Select(s => s.To.Key));
        Assert.All(_f.Notifier.Sent, s => Assert.Same(_digest.List, s.What));
        Assert.Equal((Jst("2026-11-23T00:00"), Jst("2026-11-30T00:00")), _digest.Asked[0]);
    }

    [Fact]
    public async Task AWeekWhoseMondayIsAHoliday_SendsOnItsFirstWorkingDay()
    {
        _f.SetJst("2026-09-21T10:00"); // 敬老の日, then 国民の休日 and 秋分の日
        await Job().RunAsync(default);
        _f.SetJst("2026-09-23T10:00");
        await Job().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);

        _f.SetJst("2026-09-24T08:50");
        await Job().RunAsync(default);

        Assert.Equal(2, _f.Notifier.Sent.Count);
        Assert.Equal((Jst("2026-09-14T00:00"), Jst("2026-09-21T00:00")), _digest.Asked.Single());
    }

    [Fact]
    public async Task NothingToReport_SendsNothing_AndAListLaterThatWeekIsStillSent()
    {
        _digest.List = null;
        _f.SetJst("2026-11-30T09:00");
        await Job().RunAsync(default);
        Assert.Empty(_f.Notifier.Sent);

        _digest.List = new Notification("回答の改善", "一覧");
        _f.SetJst("2026-11-30T10:00");
        await Job().RunAsync(default);

        Assert.Equal(2, _f.Notifier.Sent.Count);
    }

    [Fact]
    public async Task AnUnreachablePerson_IsTriedAgainOnTheNextRun()
    {
        _f.SetJst("2026-11-30T09:00");
        _f.Notifier.Result = NotifyResult.Unreachable;
        await Job().RunAsync(default);

        _f.Notifier.Result = NotifyResult.Sent;
        _f.SetJst("2026-11-30T10:00");
        var run = await Job().RunAsync(default);

        Assert.Equal(2, run.Sent);
    }

    private sealed class FakeDigest : ICurationDigest
    {
        public Notification? List { get; set; } = new("回答の改善（先週の一覧）", "答えられなかった質問 1件");

        public List<(DateTimeOffset From, DateTimeOffset Until)> Asked { get; } = [];

        public Task<Notification?> WeeklyListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
        {
            Asked.Add((from, until));
            return Task.FromResult(List);
        }
    }
}
