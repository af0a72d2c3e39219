using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.Logging;

namespace Isms.Workflows.Audit;

/// <summary>
/// Append-only audit trail in LiteDB (6.1(4)②, 6.1(6); read by 監査 9.1 and 自己点検 9.2). Each entry carries the
/// SHA-256 of the previous one, so an edited, deleted or reordered entry breaks the chain and <see cref="Verify"/>
/// finds it. A separate head document holds the last sequence and hash, so removing the newest entries shows too.
/// </summary>
public sealed partial class AuditTrail
{
    internal const string EntriesCollection = "audit_trail";
    internal const string HeadCollection = "audit_head";
    internal static readonly string GenesisHash = new('0', 64);
    private const string HeadId = "head";

    private readonly IsmsDatabase _database;
    private readonly ILiteCollection<AuditDocument> _entries;
    private readonly ILiteCollection<AuditHead> _head;
    private readonly TimeProvider _time;
    private readonly ILogger<AuditTrail> _logger;
    private readonly Lock _gate = new();

    public AuditTrail(IsmsDatabase database, TimeProvider time, ILogger<AuditTrail> logger)
    {
        _database = database;
        _entries = database.Collection<AuditDocument>(EntriesCollection);
        _head = database.Collection<AuditHead>(HeadCollection);
        _time = time;
        _logger = logger;
    }

    public AuditEntry Append(AuditEvent change)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.Action);
        ArgumentException.ThrowIfNullOrWhiteSpace(change.ActorId);
        AuditDocument document;
        // The lock orders appends within the process; the transaction keeps entry and head together on disk.
        lock (_gate)
        {
            if (!_database.Database.BeginTrans()) throw new InvalidOperationException("An audit append is already in a transaction on this thread.");
            try
            {
                var head = _head.FindById(HeadId);
                document = AuditDocument.From(change, (head?.Sequence ?? 0) + 1, _time.GetUtcNow(), head?.Hash ?? GenesisHash);
                document.Hash = HashOf(document);
                _entries.Insert(document);
                _head.Upsert(new AuditHead { Id = HeadId, Sequence = document.Id, Hash = document.Hash });
                _database.Database.Commit();
            }
            catch
            {
                _database.Database.Rollback();
                throw;
            }
        }

        LogAppended(_logger, document.Id, change.Action, change.RecordId);
        return document.ToEntry();
    }

    /// <summary>Entries in order, optionally only those of one record and within [from, until).</summary>
    public IReadOnlyList<AuditEntry> Entries(string? recordId = null, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        _entries.Query().OrderBy(d => d.Id).ToEnumerable()
            .Select(d => d.ToEntry())
            .Where(e => (recordId is null || e.Event.RecordId == recordId)
                && (from is null || e.At >= from) && (until is null || e.At < until))
            .ToList();

    /// <summary>Walks the chain from the first entry and reports the first one that does not hold.</summary>
    public AuditVerification Verify()
    {
        var expected = 1L;
        var previous = GenesisHash;
        foreach (var document in _entries.Query().OrderBy(d => d.Id).ToEnumerable())
        {
            var problem =
                document.Id != expected ? (expected, $"連番{expected}の記録がありません（削除または並べ替えの疑い）。")
                : document.PreviousHash != previous ? (expected, $"連番{expected}の記録が直前の記録とつながっていません（削除・並べ替え・書き換えの疑い）。")
                : HashOf(document) != document.Hash ? (expected, $"連番{expected}の記録の内容が書き換えられています。")
                : ((long, string)?)null;
            if (problem is { } p) return Broken(expected - 1, p.Item1, p.Item2);
            previous = document.Hash;
            expected++;
        }

        var count = expected - 1;
        var head = _head.FindById(HeadId);
        if (head is null ? count != 0 : head.Sequence != count || head.Hash != previous)
            return Broken(count, count + 1, $"最後の記録（連番{head?.Sequence}まで）の一部が見つからないか、一致しません（末尾の削除の疑い）。");
        return AuditVerification.Valid(count);
    }

    /// <summary>The canonical form hashed for an entry: fixed field order, ISO 8601 UTC time, JSON escaping.</summary>
    internal static string CanonicalForm(AuditDocument d)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(d.Id);
            // LiteDB stores "" as null, so an empty field hashes as null: what is read back must hash the same.
            foreach (var value in new[] { d.At, d.ActorId, d.ActorName, d.Action, d.RecordId, d.RecordNumber, d.FromStatus, d.ToStatus, d.Clause, d.ActivityId, d.Detail, d.PreviousHash })
                json.WriteStringValue(string.IsNullOrEmpty(value) ? null : value);
            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    internal static string HashOf(AuditDocument document) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalForm(document))));

    private AuditVerification Broken(long validCount, long sequence, string problem)
    {
        LogBroken(_logger, sequence);
        return new AuditVerification(false, validCount, sequence, problem);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Audit entry {Sequence} appended: {Action} on record {RecordId}")]
    private static partial void LogAppended(ILogger logger, long sequence, string action, string? recordId);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Audit trail chain is broken at sequence {Sequence}")]
    private static partial void LogBroken(ILogger logger, long sequence);

    internal sealed class AuditHead
    {
        public string Id { get; set; } = "";
        public long Sequence { get; set; }
        public string Hash { get; set; } = "";
    }

    /// <summary>Stored form. Time is kept as text: LiteDB's dates lose the offset and sub-millisecond ticks, which would change the hash.</summary>
    internal sealed class AuditDocument
    {
        public long Id { get; set; }
        public string At { get; set; } = "";
        public string ActorId { get; set; } = "";
        public string? ActorName { get; set; }
        public string Action { get; set; } = "";
        public string? RecordId { get; set; }
        public string? RecordNumber { get; set; }
        public string? FromStatus { get; set; }
        public string? ToStatus { get; set; }
        public string? Clause { get; set; }
        public string? ActivityId { get; set; }
        public string? Detail { get; set; }
        public string PreviousHash { get; set; } = "";
        public string Hash { get; set; } = "";

        /// <summary>The entry as LiteDB will store it (its mapper trims every string and stores "" as null), so that
        /// the hash taken now is the hash of what is read back. Values without surrounding whitespace are unchanged, so
        /// chains written before hash the same.</summary>
        public static AuditDocument From(AuditEvent e, long sequence, DateTimeOffset at, string previousHash) => new()
        {
            Id = sequence,
            At = at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            ActorId = AsStored(e.ActorId) ?? "",
            ActorName = AsStored(e.ActorName),
            Action = AsStored(e.Action) ?? "",
            RecordId = AsStored(e.RecordId),
            RecordNumber = AsStored(e.RecordNumber),
            FromStatus = AsStored(e.FromStatus),
            ToStatus = AsStored(e.ToStatus),
            Clause = AsStored(e.Clause),
            ActivityId = AsStored(e.ActivityId),
            Detail = AsStored(e.Detail),
            PreviousHash = previousHash,
        };

        private static string? AsStored(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

        public AuditEntry ToEntry() => new(
            Id,
            DateTimeOffset.Parse(At, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            new AuditEvent(Action, ActorId, ActorName, RecordId, RecordNumber, FromStatus, ToStatus, Clause, ActivityId, Detail),
            PreviousHash,
            Hash);
    }
}
