using Isms.Workflows.Forms;
using Isms.Workflows.Requests;
using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace Isms.Workflows.Tests.Support;

/// <summary>A form service on a real LiteDB (in memory unless a file is given) with the clock at a fixed Japan time.</summary>
public sealed class FormHarness : IDisposable
{
    /// <summary>Thursday 26 November 2026, 10:00 in Japan.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(9));

    public static readonly DateOnly Today = new(2026, 11, 26);

    public static readonly Applicant Alice = new("29:alice", "aad-alice", "館林 花子", "消防本部 総務課");
    public static readonly Applicant Bob = new("29:bob", "aad-bob", "邑楽 太郎", "館林消防署");
    public static readonly Applicant NoDepartment = new("29:carol", null, "明和 次郎", null);

    public FormHarness(IsmsDatabase? database = null, FakeTimeProvider? time = null, FormsOptions? options = null)
    {
        Options = options ?? new FormsOptions();
        Time = time ?? new FakeTimeProvider(Now);
        Database = database ?? IsmsDatabase.InMemory();
        Records = new LiteDbRequestStore(Database);
        Drafts = new FormDraftStore(Database);
        Catalog = new FormCatalog(Options);
        Service = new FormService(Catalog, Drafts, Records, Time, Options);
    }

    public FormsOptions Options { get; }
    public FakeTimeProvider Time { get; }
    public IsmsDatabase Database { get; }
    public LiteDbRequestStore Records { get; }
    public FormDraftStore Drafts { get; }
    public FormCatalog Catalog { get; }
    public FormService Service { get; }

    public static IsmsDatabase OpenFile(string path) =>
        new(new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }));

    public FormSession Session(Applicant who) => new(Service, who);

    public IReadOnlyList<RequestRecord> AllRecords() =>
        Database.Collection<RequestRecord>(LiteDbRequestStore.CollectionName).FindAll().ToList();

    public void Dispose() => Database.Dispose();
}
