// One chase pass over 100,000 requests (LiteDB in memory) and one training pass over 10,000 people, timed.
// Run: dotnet run -c Release --project tests/Isms.Jobs.Benchmarks [requests] [people]
using System.Diagnostics;
using Isms.Jobs.Chasing;
using Isms.Jobs.Hosting;
using Isms.Jobs.Ports;
using Isms.Workflows.Notifications;
using Isms.Jobs.Scheduling;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using Isms.Workflows.Training;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

var requestCount = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var peopleCount = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
var now = DateTimeOffset.Parse("2026-09-28T10:00+09:00", System.Globalization.CultureInfo.InvariantCulture);
var time = new FixedTime(now);
using var database = IsmsDatabase.InMemory();
var records = database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName);
records.InsertBulk(Enumerable.Range(0, requestCount).Select(i => new RequestRecord
{
    Id = $"r{i}", Number = $"R-2026-{i:D6}", Title = "持ち出し申請", SubmissionKey = $"k{i}",
    Status = i % 2 == 0 ? RequestStatus.PendingApproval : RequestStatus.Closed,
    CreatedAt = now.AddHours(-(i % 200)), Applicant = new RecordApplicant { UserId = $"u{i % peopleCount}", Department = $"課{i % 40}" },
}));
var people = new BenchPeople(Enumerable.Range(0, peopleCount)
    .Select(i => new TrainingPerson($"u{i}", $"職員{i}", $"課{i % 40}", i % 20 == 0 ? new HashSet<string> { "SecurityManager" } : new HashSet<string>(), new DateOnly(2000 + (i % 27), 4, 1)))
    .ToList());
var calendar = new WorkingCalendar(new CalendarOptions());
var due = new DueCalculator(calendar);
var ledger = new ReminderLedger(database, time);
var options = Options.Create(new JobsOptions());
var notifier = new CountingNotifier();
var approvals = new PendingApprovalChaseJob(new LiteDbChaseableRequests(database), new BenchAssignments(now), notifier, due, ledger, options, time,
    NullLogger<PendingApprovalChaseJob>.Instance);

var chaseable = new LiteDbChaseableRequests(database);
Measure("  of which: reading the pending requests (projection)", () => Task.FromResult(new ChaseRun(chaseable.PendingApprovals().Count(), 0)));
Measure("approval chase, first pass", () => approvals.RunAsync(default));
Measure("approval chase, second pass (all in ledger)", () => approvals.RunAsync(default));
var keys = chaseable.PendingApprovals().Select(r => new ReminderKey($"{r.Id}@0", PendingApprovalChaseJob.Kind, 1)).ToList();
Measure("  of which: one ledger look-up of 50,000 keys", () => Task.FromResult(new ChaseRun(keys.Count, ledger.ClaimMany(keys).Count)));
var store = new TrainingStore(database);
var training = new TrainingChaseJob(people, notifier, new TrainingPlanner(new TrainingOptions(), store), store, due, ledger, time, NullLogger<TrainingChaseJob>.Instance);
Measure("training pass", () => training.RunAsync(default));

void Measure(string name, Func<Task<ChaseRun>> run)
{
    GC.Collect();
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = run().GetAwaiter().GetResult();
    watch.Stop();
    Console.WriteLine($"{name}: {watch.ElapsedMilliseconds} ms, examined {result.Examined}, sent {result.Sent}, " +
        $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F1} MiB, working set {Environment.WorkingSet / 1048576.0:F0} MiB");
}

sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

sealed class CountingNotifier : INotifier
{
    public Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken) => Task.FromResult(NotifyResult.Sent);
}

// Each request i is assigned to the approver of 課(i % 40) at its creation time (as the benchmark data was created).
sealed class BenchAssignments(DateTimeOffset now) : IApprovalAssignments
{
    public Task<IReadOnlyDictionary<string, PendingStep>> CurrentAsync(IReadOnlyCollection<string> recordIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, PendingStep>>(recordIds.ToDictionary(id => id, id =>
        {
            var i = int.Parse(id.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            return new PendingStep([Recipient.ById($"a課{i % 40}")], now.AddHours(-(i % 200)), [Recipient.ById("next")], "情報セキュリティ責任者");
        }));
}

sealed class BenchPeople(List<TrainingPerson> staff) : IPeopleLookup
{
    public Task<IReadOnlyList<Recipient>> HoldersAsync(IsmsRole role, string? department, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Recipient>>([Recipient.ById($"{role}:{department}")]);

    public Task<IReadOnlyList<TrainingPerson>> StaffAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<TrainingPerson>>(staff);
}
