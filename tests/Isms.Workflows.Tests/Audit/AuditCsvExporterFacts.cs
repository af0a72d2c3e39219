using System.Text;
using CsvHelper;
using Isms.Workflows.Audit;
using Isms.Workflows.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Audit;

public sealed class AuditCsvExporterFacts : IDisposable
{
    private readonly IsmsDatabase _database = IsmsDatabase.InMemory();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 15, 30, 0, TimeSpan.Zero));
    private readonly AuditTrail _trail;

    public AuditCsvExporterFacts() => _trail = new AuditTrail(_database, _time, NullLogger<AuditTrail>.Instance);

    public void Dispose() => _database.Dispose();

    private byte[] Export(DateTimeOffset? from = null, DateTimeOffset? until = null)
    {
        using var stream = new MemoryStream();
        _trail.Export(stream, from, until);
        return stream.ToArray();
    }

    private static string[] Lines(byte[] bytes) =>
        Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Export_StartsWithABomAndJapaneseHeaders()
    {
        var bytes = Export();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("連番,日時,操作者ID,操作者,操作,申請ID,申請番号,変更前の状態,変更後の状態,根拠条項,TeamsアクティビティID,内容,直前のハッシュ,ハッシュ", Assert.Single(Lines(bytes)));
    }

    [Fact]
    public void Export_WritesOneRowPerEntryInJapanTimeWithStatusLabels()
    {
        var entry = _trail.Append(new AuditEvent("Approved", "E0002", "佐藤 花子", "rec-1", "持出-2026-0001", "PendingApproval", "Approved", "5.1(1)③(イ)", "act-2"));

        var row = Lines(Export())[1];

        Assert.Equal($"1,2026/06/02 00:30:00,E0002,佐藤 花子,Approved,rec-1,持出-2026-0001,承認待ち,承認済み,5.1(1)③(イ),act-2,,{entry.PreviousHash},{entry.Hash}", row);
    }

    [Fact]
    public void Export_QuotesCommasQuotesAndLineBreaks_AndDefusesFormulas()
    {
        _trail.Append(new AuditEvent("Noted", "E0001", Detail: "宛先: a@example.jp, \"至急\"\n削除済み"));
        _trail.Append(new AuditEvent("Noted", "E0001", Detail: "=HYPERLINK(\"http://x\")"));

        var text = Encoding.UTF8.GetString(Export());

        Assert.Contains(",\"宛先: a@example.jp, \"\"至急\"\"\n削除済み\",", text, StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://x\"\")\",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_KeepsOnlyTheRequestedPeriod()
    {
        _trail.Append(new AuditEvent("Submitted", "E0001", RecordId: "early"));
        _time.Advance(TimeSpan.FromDays(1));
        var start = _time.GetUtcNow();
        _trail.Append(new AuditEvent("Submitted", "E0001", RecordId: "late"));

        var lines = Lines(Export(from: start));

        Assert.Equal(2, lines.Length);
        Assert.Contains(",late,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2,", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    [InlineData("\n=1+1")]
    [InlineData("＝1+1")]
    [InlineData("＋1")]
    [InlineData("－2+3")]
    [InlineData("＠SUM(A1)")]
    [InlineData("  =1+1")]
    [InlineData("\u3000＝1+1")]
    public void Finding7_EveryCellThatWouldRunAsAFormula_IsWrittenAsText(string detail)
    {
        // The trail stores the text trimmed (as LiteDB does): what is exported is what is stored.
        var stored = _trail.Append(new AuditEvent("Noted", "E0001", Detail: detail)).Event.Detail!;

        var cell = Cells(Export())[1][11];

        Assert.Equal("'" + stored, cell);
    }

    [Theory]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData("\u3000＋1", "'\u3000＋1")]
    [InlineData("＠SUM(A1)", "'＠SUM(A1)")]
    [InlineData("a=b", "a=b")]
    [InlineData("ふつうの内容", "ふつうの内容")]
    public void Finding7_FormulasTheLibraryDoesNotLookFor_AreEscapedBeforeItWritesThem(string value, string written) =>
        Assert.Equal(written, AuditCsvExporter.Cell(value).Text);

    [Fact]
    public void Finding7_TheExport_ReadsBackCellForCellWithAnRfc4180Parser()
    {
        const string Detail = "宛先: a@example.jp, \"至急\"\r\n削除済み\r残り";
        _trail.Append(new AuditEvent("Noted", "E0001", "山田 太郎", Detail: Detail));
        _trail.Append(new AuditEvent("Noted", "E0002", Detail: "ふつうの内容"));

        var rows = Cells(Export());

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(AuditCsvExporter.Headers.Count, r.Count));
        Assert.Equal(("E0001", "山田 太郎", Detail), (rows[1][2], rows[1][3], rows[1][11]));
        Assert.Equal(("E0002", "", "ふつうの内容"), (rows[2][2], rows[2][3], rows[2][11]));
    }

    /// <summary>The exported file, read back by CsvHelper as a spreadsheet would take it apart into cells.</summary>
    private static List<List<string>> Cells(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ',', HasHeader = false });
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToList());
        }

        return rows;
    }
}
