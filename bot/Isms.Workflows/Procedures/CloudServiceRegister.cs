using System.Globalization;
using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Procedures;

/// <summary>One approved cloud service, as the register shows it (8.3(5)③ 承認済みクラウドサービス, 8.4(2)② recorded by the 責任者).</summary>
public sealed class CloudServiceEntry
{
    /// <summary>The record id of the approved クラウド利用申請.</summary>
    public string Id { get; set; } = "";
    public string RecordNumber { get; set; } = "";
    public string ServiceName { get; set; } = "";
    public string? Provider { get; set; }
    public string Purpose { get; set; } = "";
    public string? Users { get; set; }
    /// <summary>The クラウドサービス管理者 named in the request and appointed with the approval (8.3(5)③, 8.4(2)①).</summary>
    public string? ServiceManager { get; set; }
    public int Confidentiality { get; set; }
    /// <summary>The clause the approval was recorded under: 8.3(5)③ (機密性2以上) or 8.4(2)②.</summary>
    public string Clause { get; set; } = "";
    public string? Department { get; set; }
    public string ApprovedByName { get; set; } = "";
    /// <summary>ISO 8601 text: LiteDB dates lose the offset.</summary>
    public string ApprovedAt { get; set; } = "";

    public DateTimeOffset ApprovedAtTime => DateTimeOffset.Parse(ApprovedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

/// <summary>
/// The register of approved cloud services that staff look up before they apply again (domain: クラウド利用申請).
/// Written by the クラウド利用申請's approval hook (<see cref="CloudUseRequestDefinition"/>) when a request is finally
/// approved, in the approval's transaction; keyed by record id,
/// so writing the same approval twice keeps one entry.
/// </summary>
public sealed class CloudServiceRegister
{
    public const string CollectionName = "cloud_register";

    private readonly ILiteCollection<CloudServiceEntry> _entries;

    public CloudServiceRegister(IsmsDatabase database) => _entries = database.Collection<CloudServiceEntry>(CollectionName);

    public CloudServiceEntry Add(RequestRecord record, string approvedByName, DateTimeOffset approvedAt)
    {
        if (record.Kind != FormKind.CloudUseRequest) throw new ArgumentException("Only a クラウド利用申請 goes into the cloud register.", nameof(record));
        var entry = new CloudServiceEntry
        {
            Id = record.Id,
            RecordNumber = record.Number,
            ServiceName = Answer(record, CloudUseRequestDefinition.ServiceName) ?? record.Title,
            Provider = Answer(record, CloudUseRequestDefinition.Provider),
            Purpose = Answer(record, CloudUseRequestDefinition.Purpose) ?? "",
            Users = Answer(record, CloudUseRequestDefinition.Users),
            ServiceManager = Answer(record, CloudUseRequestDefinition.ServiceManager) ?? Answer(record, CloudUseRequestDefinition.ServiceManagerPublic),
            Confidentiality = record.HighestConfidentiality,
            Clause = record.HighestConfidentiality >= 2 ? "8.3(5)③" : "8.4(2)②",
            Department = record.Applicant.Department,
            ApprovedByName = approvedByName,
            ApprovedAt = approvedAt.ToString("O", CultureInfo.InvariantCulture),
        };
        _entries.Upsert(entry);
        return entry;
    }

    /// <summary>Every entry, by service name, then the newest approval first.</summary>
    public IReadOnlyList<CloudServiceEntry> List() =>
        _entries.FindAll().OrderBy(e => e.ServiceName, StringComparer.Ordinal).ThenByDescending(e => e.ApprovedAt, StringComparer.Ordinal).ToList();

    private static string? Answer(RequestRecord record, string fieldId) =>
        record.Answers.TryGetValue(fieldId, out var answer) && !string.IsNullOrWhiteSpace(answer.Display) ? answer.Display : null;
}
