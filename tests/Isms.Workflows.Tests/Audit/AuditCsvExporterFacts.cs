using System.Text;
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
}
