using System.Globalization;
using System.Text;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Audit;

/// <summary>
/// Writes the audit trail as CSV for 監査 (9.1) and 自己点検 (9.2): UTF-8 with a BOM so Excel reads the Japanese,
/// CRLF rows, RFC 4180 quoting, times in Japan time.
/// </summary>
public static class AuditCsvExporter
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "連番", "日時", "操作者ID", "操作者", "操作", "申請ID", "申請番号", "変更前の状態", "変更後の状態",
        "根拠条項", "TeamsアクティビティID", "内容", "直前のハッシュ", "ハッシュ",
    ];

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    public static void Write(IEnumerable<AuditEntry> entries, Stream output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(string.Join(",", Headers.Select(Field)));
        foreach (var entry in entries)
        {
            var e = entry.Event;
            string?[] row =
            [
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                entry.At.ToOffset(JapanOffset).ToString("yyyy/MM/dd HH:mm:ss", CultureInfo.InvariantCulture),
                e.ActorId, e.ActorName, e.Action, e.RecordId, e.RecordNumber, Status(e.FromStatus), Status(e.ToStatus),
                e.Clause, e.ActivityId, e.Detail, entry.PreviousHash, entry.Hash,
            ];
            writer.WriteLine(string.Join(",", row.Select(Field)));
        }
    }

    /// <summary>Exports the whole trail, or the part within [from, until).</summary>
    public static void Export(this AuditTrail trail, Stream output, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        Write(trail.Entries(from: from, until: until), output);

    private static string? Status(string? stored) =>
        Enum.TryParse<RequestStatus>(stored, out var status) && Enum.IsDefined(status) ? status.Label() : stored;

    private static string Field(string? value)
    {
        var text = value ?? "";
        // A cell starting with = + - @ would run as a formula in Excel: keep it text.
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || text != text.Trim() ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
