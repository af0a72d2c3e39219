using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Tests.Storage;

public sealed class IsmsDatabaseFacts : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "isms-db-facts", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Open_CreatesTheDataFileUnderARelativeDirectory()
    {
        var options = new StorageOptions { DataDirectory = "nested/data", FileName = "test.db" };
        using (var database = IsmsDatabase.Open(options, _directory))
        {
            database.Collection<BsonDocument>("probe").Insert(new BsonDocument { ["x"] = 1 });
        }

        Assert.True(File.Exists(Path.Combine(_directory, "nested", "data", "test.db")));
    }

    [Fact]
    public void WithAPassword_TheFileIsEncrypted_AndCannotBeOpenedWithoutIt()
    {
        var options = new StorageOptions { DataDirectory = _directory, FileName = "secret.db", Password = "correct horse battery staple" };
        using (var database = IsmsDatabase.Open(options, _directory))
        {
            database.Collection<BsonDocument>("requests").Insert(new BsonDocument { ["name"] = "機密の氏名ヤマダタロウ" });
        }

        var bytes = File.ReadAllBytes(Path.Combine(_directory, "secret.db"));
        var plain = System.Text.Encoding.UTF8.GetBytes("機密の氏名ヤマダタロウ");
        Assert.Equal(-1, bytes.AsSpan().IndexOf(plain));

        var withoutPassword = new StorageOptions { DataDirectory = _directory, FileName = "secret.db" };
        Assert.ThrowsAny<Exception>(() => IsmsDatabase.Open(withoutPassword, _directory).Collection<BsonDocument>("requests").Count());

        using var reopened = IsmsDatabase.Open(options, _directory);
        Assert.Equal("機密の氏名ヤマダタロウ", reopened.Collection<BsonDocument>("requests").FindAll().Single()["name"].AsString);
    }

    [Fact]
    public void WithoutAPassword_TheFileIsPlain()
    {
        var options = new StorageOptions { DataDirectory = _directory, FileName = "plain.db" };
        using (var database = IsmsDatabase.Open(options, _directory))
        {
            database.Collection<BsonDocument>("requests").Insert(new BsonDocument { ["name"] = "平文の確認" });
        }

        var bytes = File.ReadAllBytes(Path.Combine(_directory, "plain.db"));
        Assert.NotEqual(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("平文の確認")));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
