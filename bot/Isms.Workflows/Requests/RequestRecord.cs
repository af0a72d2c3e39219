using Isms.Workflows.Forms;
using Isms.Workflows.Org;
using LiteDB;

namespace Isms.Workflows.Requests;

/// <summary>Where a record stands. The approvals work adds transitions; keep the names stable (they are stored as text).</summary>
public enum RequestStatus
{
    Submitted,
    PendingApproval,
    Approved,
    Returned,
    Rejected,
    Withdrawn,
    Acknowledged,
    Closed,
}

public static class RequestStatusText
{
    public static bool IsOpen(this RequestStatus status) =>
        status is RequestStatus.Submitted or RequestStatus.PendingApproval or RequestStatus.Returned or RequestStatus.Approved;

    private static readonly RequestStatus[] Undecided =
    [
        RequestStatus.Submitted, RequestStatus.PendingApproval, RequestStatus.Approved, RequestStatus.Returned, RequestStatus.Rejected,
        RequestStatus.Acknowledged, RequestStatus.Withdrawn,
    ];

    /// <summary>
    /// Where a record may go from each status. Submitted and PendingApproval: routed again (a report waits for its
    /// 確認, a request for approval), decided, or withdrawn. Returned: resubmitted. Approved: closed by the return of a
    /// 持ち出し. Acknowledged: an incident closed by the CSIRT. Rejected, Withdrawn and Closed are final.
    /// </summary>
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Transitions = new()
    {
        [RequestStatus.Submitted] = Undecided,
        [RequestStatus.PendingApproval] = Undecided,
        [RequestStatus.Returned] = [RequestStatus.Submitted, RequestStatus.PendingApproval],
        [RequestStatus.Approved] = [RequestStatus.Closed],
        [RequestStatus.Acknowledged] = [RequestStatus.Closed],
    };

    public static bool MayChangeTo(this RequestStatus from, RequestStatus to) =>
        Transitions.TryGetValue(from, out var allowed) && allowed.Contains(to);
}

/// <summary>The applicant as the host identified them when the record was created.</summary>
public sealed class RecordApplicant
{
    public string UserId { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string Name { get; set; } = "";
    public string? Department { get; set; }

    /// <summary>Whether the activity's sender (Teams user id, Entra object id) is this applicant: by Entra object id when
    /// both have one (a matching Teams id with another Entra id is someone else), by Teams user id otherwise.</summary>
    public bool IsSender(string? teamsUserId, string? aadObjectId) =>
        aadObjectId is { Length: > 0 } && AadObjectId is { Length: > 0 }
            ? string.Equals(AadObjectId.Trim(), aadObjectId.Trim(), StringComparison.OrdinalIgnoreCase)
            : teamsUserId is { Length: > 0 } && string.Equals(UserId, teamsUserId, StringComparison.Ordinal);

    /// <summary>The applicant's entry in the org directory, matched as a sender is (<see cref="OrgDirectory.Match"/>).</summary>
    public Person? PersonIn(OrgDirectory directory) => directory.Match(AadObjectId, UserId);

    /// <summary>Whether this directory person is the applicant: their ids are the sender's (<see cref="IsSender"/>), or
    /// they are the same directory entry (a Teams id learned after the record was made).</summary>
    public bool IsPerson(Person person, OrgDirectory directory) =>
        IsSender(person.TeamsUserId, person.AadObjectId) || PersonIn(directory)?.Id == person.Id;

    public static RecordApplicant From(Applicant who, string? department) => new()
    {
        UserId = who.UserId,
        AadObjectId = who.AadObjectId,
        Name = who.Name,
        Department = department,
    };
}

/// <summary>One answer: the stored value (a choice's code, an ISO date) and how it reads.</summary>
public sealed class RecordAnswer
{
    public string Label { get; set; } = "";
    public string Value { get; set; } = "";
    public string Display { get; set; } = "";
}

/// <summary>An answer the applicant changed when they resubmitted after a 差戻し, as the cards show it.</summary>
public sealed class AnswerChange
{
    public string Label { get; set; } = "";
    public string Before { get; set; } = "";
    public string After { get; set; } = "";

    /// <summary>The answers that differ, in the order the form asks them (a question no longer asked reads （なし）).</summary>
    public static List<AnswerChange> Between(IReadOnlyDictionary<string, RecordAnswer> before, IReadOnlyDictionary<string, RecordAnswer> after) =>
        after.Keys.Concat(before.Keys.Where(k => !after.ContainsKey(k)))
            .Where(k => before.GetValueOrDefault(k)?.Value != after.GetValueOrDefault(k)?.Value)
            .Select(k => new AnswerChange
            {
                Label = (after.GetValueOrDefault(k) ?? before[k]).Label,
                Before = before.GetValueOrDefault(k)?.Display ?? "（なし）",
                After = after.GetValueOrDefault(k)?.Display ?? "（なし）",
            })
            .ToList();
}

public sealed class RequestHistoryEntry
{
    public DateTimeOffset At { get; set; }
    /// <summary>Teams user id of whoever acted.</summary>
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string? Note { get; set; }
}

/// <summary>A submitted form: a report or a request, with a readable number such as 持出-2026-0001.</summary>
public sealed class RequestRecord
{
    public string Id { get; set; } = "";
    public string Number { get; set; } = "";
    public FormKind Kind { get; set; }
    public string Title { get; set; } = "";
    public RecordApplicant Applicant { get; set; } = new();
    public Dictionary<string, RecordAnswer> Answers { get; set; } = [];
    /// <summary>機密性 1, 2 or 3; 0 when the form asks none.</summary>
    public int HighestConfidentiality { get; set; }
    /// <summary>The class answered for <see cref="HighestConfidentiality"/>: "3A", "3B", "3C" (2(1)), or the level alone; "" when none.</summary>
    public string? ConfidentialityClass { get; set; } = "";
    /// <summary>The record this one is linked to (a 誤送信報告 and the incident report made from it, each naming the other).</summary>
    public string? LinkedRecordId { get; set; }
    public string? LinkedRecordNumber { get; set; }
    public string? LinkedRecordTitle { get; set; }

    /// <summary>「インシデント報告（インシデント-2026-0001）」; null when not linked.</summary>
    [BsonIgnore]
    public string? LinkedRecordLabel => LinkedRecordNumber is { Length: > 0 } number ? $"{LinkedRecordTitle}（{number}）" : null;

    /// <summary>機密性3C, 機密性2 …; 該当なし when the form asks none.</summary>
    [BsonIgnore]
    public string ConfidentialityLabel =>
        HighestConfidentiality <= 0 ? "該当なし"
        : $"機密性{(string.IsNullOrEmpty(ConfidentialityClass) ? HighestConfidentiality.ToString(System.Globalization.CultureInfo.InvariantCulture) : ConfidentialityClass)}";
    /// <summary>Set when the record is made; changed only through <see cref="ChangeStatus"/> (tests set it to arrange a case).</summary>
    public RequestStatus Status { get; internal set; }
    public bool IsIncident { get; set; }
    public List<string> AppliedClauses { get; set; } = [];
    /// <summary>What happens next, as told to the applicant when they submitted.</summary>
    public string NextStep { get; set; } = "";
    /// <summary>Draft id and the nonce of the confirmation card that created it: the same card cannot create two records.</summary>
    public string SubmissionKey { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public List<RequestHistoryEntry> History { get; set; } = [];
    /// <summary>What the applicant changed in the last resubmission after a 差戻し (empty when nothing, or never returned).</summary>
    public List<AnswerChange> ChangesSinceReturn { get; set; } = [];
    /// <summary>When the holder recorded the return (持ち込み, 5.1(1)⑤) of an approved 持ち出し; null while it is out.</summary>
    public DateTimeOffset? ReturnedAt { get; set; }
    /// <summary>When the 情報セキュリティ管理者, who keeps the record (5.1(1)⑤), confirmed the return; null until then.</summary>
    public DateTimeOffset? ReturnConfirmedAt { get; set; }
    /// <summary>The name of who confirmed the return.</summary>
    public string? ReturnConfirmedBy { get; set; }

    /// <summary>The one way a record's status changes: the move must be in the transition table
    /// (<see cref="RequestStatusText.MayChangeTo"/>), and it is written to the history.</summary>
    /// <exception cref="InvalidOperationException">The table does not allow the move: nothing changed.</exception>
    public void ChangeStatus(RequestStatus to, RequestHistoryEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!Status.MayChangeTo(to))
        {
            throw new InvalidOperationException($"Record {Number} cannot go from {Status} to {to}.");
        }

        Status = to;
        Note(entry);
    }

    /// <summary>Writes a step to the history without changing the status.</summary>
    public void Note(RequestHistoryEntry entry)
    {
        UpdatedAt = entry.At;
        History.Add(entry);
    }

    /// <summary>Whether the applicant corrected and resubmitted it after a 差戻し.</summary>
    [BsonIgnore]
    public bool IsResubmission => History.Any(h => h.Action == ResubmittedAction);

    public const string ResubmittedAction = "Resubmitted";

    /// <summary>Every answer as the cards show it (label, display value), in the order the form asked them: the
    /// person who decides sees all of them (long ones are folded by the card, none dropped).</summary>
    public IReadOnlyList<(string Label, string Value)> ShownAnswers() =>
        Answers.Values.Where(a => !string.IsNullOrWhiteSpace(a.Display)).Select(a => (a.Label, a.Display)).ToList();
}
