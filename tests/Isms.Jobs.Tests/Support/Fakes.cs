using System.Collections.Concurrent;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using Isms.Workflows.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Jobs.Tests.Support;

public sealed class RecordingNotifier : INotifier
{
    public ConcurrentQueue<(Recipient To, Notification What)> Sent { get; } = new();
    public NotifyResult Result { get; set; } = NotifyResult.Sent;

    public Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken)
    {
        if (Result == NotifyResult.Sent)
        {
            Sent.Enqueue((recipient, notification));
        }

        return Task.FromResult(Result);
    }

    public IReadOnlyList<string> To(string title) => Sent.Where(s => s.What.Title == title).Select(s => s.To.Key).ToList();
}

public sealed class FakePeople : IPeopleLookup
{
    public List<TrainingPerson> Staff { get; } = [];

    public Task<IReadOnlyList<Recipient>> HoldersAsync(IsmsRole role, string? department, CancellationToken cancellationToken)
    {
        IReadOnlyList<Recipient> holders = role switch
        {
            IsmsRole.SecurityManager when department is not null => [Recipient.ById($"manager:{department}")],
            IsmsRole.SecurityManager => Staff.Select(s => s.Department).Distinct().Select(d => Recipient.ById($"manager:{d}")).ToList(),
            IsmsRole.SecurityResponsible when department is not null => [Recipient.ById($"officer:{department}")],
            _ => [Recipient.ById(role.ToString())],
        };
        return Task.FromResult(holders);
    }

    /// <summary>The systems that have a 情報システム管理者 of their own in this directory.</summary>
    public List<string> Systems { get; } = [];

    public Task<IReadOnlyList<Recipient>> SystemAdministratorsAsync(string system, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Recipient>>(Systems.Contains(system) ? [Recipient.ById($"sysadmin:{system}")] : []);

    Task<IReadOnlyList<TrainingPerson>> IPeopleLookup.StaffAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<TrainingPerson>>(Staff);
}

public sealed class FakeRequests : IChaseableRequests
{
    public List<RequestRecord> Records { get; } = [];

    public IEnumerable<RequestRecord> ListByStatus(RequestStatus status) => Records.Where(r => r.Status == status);

    public IEnumerable<PendingRequest> PendingApprovals() =>
        Records.Where(r => r.Status == RequestStatus.PendingApproval || (r.Status == RequestStatus.Submitted && !r.IsIncident))
            .Select(r => new PendingRequest(r.Id, r.Number, r.Title, r.CreatedAt));

    public RequestRecord Add(RequestStatus status, DateTimeOffset createdAt, FormKind? kind = null, string department = "警防課")
    {
        var record = new RequestRecord
        {
            Id = $"r{Records.Count + 1}", Number = $"R-2026-{Records.Count + 1:D4}", Title = "テスト申請", Kind = kind ?? FormKind.WebMeetingRequest, Status = status,
            CreatedAt = createdAt, Applicant = new RecordApplicant { UserId = $"applicant{Records.Count + 1}", Name = "申請者", Department = department },
        };
        Records.Add(record);
        return record;
    }
}

/// <summary>Every pending request is assigned to "approver" at its creation time; "next" is the escalation. A 誤送信報告
/// is only acknowledged (確認).</summary>
public sealed class FakeAssignments : IApprovalAssignments
{
    private readonly FakeRequests _requests;

    public FakeAssignments(FakeRequests requests) => _requests = requests;

    public Task<IReadOnlyDictionary<string, PendingStep>> CurrentAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, PendingStep>>(_requests.Records
            .Where(r => recordIds.Contains(r.Id))
            .ToDictionary(r => r.Id, r => new PendingStep([Recipient.ById("approver")], r.CreatedAt, [Recipient.ById("next")], "情報セキュリティ責任者",
                r.Kind == FormKind.MisdeliveryReport)));
}

/// <summary>The pieces every job needs, on an in-memory LiteDB and a fake clock in Japan time.</summary>
public sealed class JobFixture : IDisposable
{
    public JobFixture(string startJst)
    {
        Time = new FakeTimeProvider(DateTimeOffset.Parse(startJst + "+09:00"));
        Ledger = new ReminderLedger(Database, Time);
    }

    public IsmsDatabase Database { get; } = IsmsDatabase.InMemory();
    public FakeTimeProvider Time { get; }
    public RecordingNotifier Notifier { get; } = new();
    public FakePeople People { get; } = new();
    public FakeRequests Requests { get; } = new();
    public DueCalculator Due { get; } = new(WorkingCalendar.Default);
    public ReminderLedger Ledger { get; }
    public JobsOptions Options { get; } = new();
    public IOptions<JobsOptions> OptionsWrapper => Microsoft.Extensions.Options.Options.Create(Options);

    public static NullLogger<T> Log<T>() => NullLogger<T>.Instance;

    public void SetJst(string local) => Time.SetUtcNow(DateTimeOffset.Parse(local + "+09:00"));

    public void Dispose() => Database.Dispose();
}
