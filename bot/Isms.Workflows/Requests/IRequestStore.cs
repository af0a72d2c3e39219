namespace Isms.Workflows.Requests;

public interface IRequestStore
{
    /// <summary>
    /// Numbers and stores <paramref name="record"/> unless a record with the same <see cref="RequestRecord.SubmissionKey"/>
    /// exists, in which case that one is returned and nothing is created.
    /// </summary>
    (RequestRecord Record, bool Created) CreateOnce(RequestRecord record, string numberPrefix, int year);

    RequestRecord? FindBySubmissionKey(string submissionKey);

    RequestRecord? FindByNumber(string number);

    RequestRecord? FindById(string id);

    /// <summary>The applicant's records, newest first.</summary>
    IReadOnlyList<RequestRecord> ListByApplicant(string userId, int limit);

    void Update(RequestRecord record);
}
