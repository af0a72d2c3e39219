using CsvHelper;

namespace Isms.Workflows.Training;

/// <summary>One data line of a training import, with the line it was on (1 is the header).</summary>
/// <param name="PersonId">As written: the directory's staff id when a person pasted it, the training key otherwise.</param>
public sealed record TrainingCsvRow(long LineNumber, string PersonId, string CourseId, string CompletedOn);

/// <summary>The rows of a training import that have the three cells, and why the other lines were not read.</summary>
public sealed record TrainingCsvRead(IReadOnlyList<TrainingCsvRow> Rows, IReadOnlyList<string> Errors);

/// <summary>
/// Reads a training import with an RFC 4180 parser (CsvHelper): a record is exactly what the parser returns, so a bare
/// CR, a quoted comma or an extra cell cannot make one line look like another to whoever checks it. A quoted line
/// break, stray quotes and any line without exactly three cells are reported by line number, never read.
/// </summary>
public static class TrainingCsv
{
    public const string Header = "personId,courseId,completedOn";

    private static readonly CsvReaderOptions Options = new()
    {
        Separator = ',',
        HasHeader = false,
        Mode = CsvMode.Rfc4180,
        // Every line break ends a record, so each line of what was pasted is one record (or one error).
        AllowLineBreaksInQuotes = false,
        SkipEmptyLines = true,
        TrimWhitespace = true,
        TrackLineNumbers = true,
        MalformedData = CsvMalformedDataHandling.Skip,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        IncludeValuesInExceptions = false,
    };

    public static TrainingCsvRead Read(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rows = new List<TrainingCsvRow>();
        var errors = new List<string>();
        var malformed = new List<long>();
        using var reader = CsvReader.Create(text, Options with { OnMalformedRecord = m => malformed.Add(m.LineNumber) }, leaveOpen: true);
        var sawHeader = false;
        while (reader.Read())
        {
            var line = reader.LineNumber;
            var cells = Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList();
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (!sawHeader)
            {
                sawHeader = true;
                if (!string.Equals(string.Join(",", cells).TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
                {
                    return new TrainingCsvRead([], [$"1行目: 見出しは {Header} にしてください。"]);
                }

                continue;
            }

            if (cells.Count != 3 || cells.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{line}行目: 3項目（personId, courseId, completedOn）が必要です。");
                continue;
            }

            rows.Add(new TrainingCsvRow(line, cells[0], cells[1], cells[2]));
        }

        errors.AddRange(malformed.Select(line => $"{line}行目: 引用符（\"）の使い方が正しくないため読み取れません。"));
        return new TrainingCsvRead(rows, errors.OrderBy(LineOf).ToList());
    }

    /// <summary>The line number an error message starts with ("12行目: …").</summary>
    public static long LineOf(string error) =>
        long.TryParse(error.AsSpan(0, Math.Max(0, error.IndexOf('行', StringComparison.Ordinal))), out var n) ? n : long.MaxValue;
}
