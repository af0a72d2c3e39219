using System.Globalization;
using CsvHelper;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Audit;

/// <summary>
/// Writes the audit trail as CSV for 監査 (9.1) and 自己点検 (9.2) with CsvHelper: UTF-8 with a BOM so Excel reads the
/// Japanese, CRLF rows, RFC 4180 quoting, times in Japan time. A cell that a spreadsheet would run as a formula is
/// written as text (a leading ').
/// </summary>
public static class AuditCsvExporter
{
    public static readonly IReadOnlyList<string> Headers =
    [
        "連番", "日時", "操作者ID", "操作者", "操作", "申請ID", "申請番号", "変更前の状態", "変更後の状態",
        "根拠条項", "TeamsアクティビティID", "内容", "直前のハッシュ", "ハッシュ",
    ];

    private static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    /// <summary>What makes Excel read a cell as a formula when it starts with it: CsvHelper escapes the ASCII ones (it
    /// takes only ASCII); <see cref="Cell"/> escapes the full-width forms, which Excel reads as the same operators, and a
    /// formula behind leading spaces.</summary>
    private const string AsciiFormulaStarts = "=+-@\t\r\n";
    private const string FullWidthFormulaStarts = "＝＋－＠";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ',',
        Mode = CsvMode.Rfc4180,
        NewLine = "\r\n",
        // Leading or trailing spaces are kept by quoting: a reader that trims would otherwise lose them.
        Quoting = CsvQuoting.WhenNeededOrWhitespace,
        Injection = CsvInjection.Escape,
        InjectionCharacters = AsciiFormulaStarts,
        WriteByteOrderMark = true,
    };

    public static void Write(IEnumerable<AuditEntry> entries, Stream output)
    {
        ArgumentNullException.ThrowIfNull(entries);
        using var csv = CsvWriter.Create(output, Options, leaveOpen: true);
        csv.WriteHeader([.. Headers]);
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
            foreach (var value in row)
            {
                var (text, quoting) = Cell(value);
                csv.WriteField(text ?? "", quoting);
            }

            csv.EndRecord();
        }
    }

    /// <summary>The cell as written: a value that starts, after any spaces, with a formula character that CsvHelper does
    /// not look for (full width, or behind spaces) gets the same leading ' and quotes as CsvHelper gives the others.</summary>
    internal static (string? Text, CsvQuoting Quoting) Cell(string? value)
    {
        var start = value?.TrimStart(' ', '\u3000');
        var hidden = value is { Length: > 0 } && start is { Length: > 0 }
            && (FullWidthFormulaStarts.Contains(start[0], StringComparison.Ordinal) || (start.Length < value.Length && AsciiFormulaStarts.Contains(start[0], StringComparison.Ordinal)));
        return hidden ? ("'" + value, CsvQuoting.Always) : (value, CsvQuoting.WhenNeededOrWhitespace);
    }

    /// <summary>Exports the whole trail, or the part within [from, until).</summary>
    public static void Export(this AuditTrail trail, Stream output, DateTimeOffset? from = null, DateTimeOffset? until = null) =>
        Write(trail.Entries(from: from, until: until), output);

    private static string? Status(string? stored) =>
        Enum.TryParse<RequestStatus>(stored, out var status) && Enum.IsDefined(status) ? status.Label() : stored;
}
