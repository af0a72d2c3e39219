using Isms.Jobs.Ports;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;

namespace Isms.Jobs.Tests.Support;

/// <summary>
/// Requests in the fixture's real LiteDB, numbered by the real store and read back by the production
/// <see cref="LiteDbChaseableRequests"/>: a job sees what was saved, not the test's object.
/// </summary>
public sealed class StoredRequests(IsmsDatabase database)
{
    private int _submissions;

    public LiteDbRequestStore Store { get; } = new(database);

    public IChaseableRequests Chaseable { get; } = new LiteDbChaseableRequests(database);

    public RequestRecord Add(
        FormKind kind, string numberPrefix, RequestStatus status, DateTimeOffset createdAt,
        IReadOnlyDictionary<string, string> answers, string userId = "applicant1", string department = "警防課")
    {
        var record = new RequestRecord
        {
            Kind = kind, Title = "テスト申請", Status = status, CreatedAt = createdAt, UpdatedAt = createdAt,
            SubmissionKey = $"submission-{++_submissions}",
            Applicant = new RecordApplicant { UserId = userId, AadObjectId = $"aad-{userId}", Name = "申請者", Department = department },
            Answers = answers.ToDictionary(a => a.Key, a => new RecordAnswer { Label = a.Key, Value = a.Value, Display = a.Value }),
        };
        return Store.CreateOnce(record, numberPrefix, createdAt.Year).Record;
    }

    /// <summary>Moves a stored record through the transition table and saves it.</summary>
    public void Change(RequestRecord record, RequestStatus to, DateTimeOffset at, string action = "Test")
    {
        record.ChangeStatus(to, new RequestHistoryEntry { At = at, Actor = "tester", Action = action });
        Store.Update(record);
    }
}
