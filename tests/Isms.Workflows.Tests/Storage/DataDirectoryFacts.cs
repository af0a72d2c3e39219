using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Tests.Storage;

/// <summary>Issue 13 findings 2 and 11: one writer per data directory; data files owner-only; start-up errors that say what is wrong.</summary>
public sealed class DataDirectoryFacts : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("isms-datadir-facts-").FullName;

    [Fact]
    public void ASecondHolder_IsRefused_WithAMessageNamingTheDirectoryAndTheHolder()
    {
        var options = new StorageOptions { DataDirectory = Path.Combine(_root, "data") };
        using (DataDirectory.Prepare(options, _root))
        {
            var refused = Assert.Throws<StorageStartupException>(() => DataDirectory.Prepare(options, _root));

            Assert.Equal(StorageCause.InUse, refused.Cause);
            Assert.Contains(Path.Combine(_root, "data"), refused.Message);
            Assert.Contains("別のボットのプロセスが同じデータフォルダーを使用しています", refused.Message);
            Assert.Contains($"pid {Environment.ProcessId}", refused.Message);
            Assert.True(DataDirectoryLock.IsHeld(Path.Combine(_root, "data")));
        }

        using var next = DataDirectory.Prepare(options, _root);
        Assert.Equal(Path.Combine(_root, "data"), next.Path);
    }

    [Fact]
    public void DataFiles_AreCreatedOwnerOnly_AndLooserOnesAreTightened()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes
        }

        var options = new StorageOptions { DataDirectory = Path.Combine(_root, "data") };
        var directory = Path.Combine(_root, "data");
        Directory.CreateDirectory(directory);
        var log = Path.Combine(directory, "isms-log.db");
        File.WriteAllBytes(log, []);
        File.SetUnixFileMode(log, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var database = IsmsDatabase.Open(options, _root);
        database.Collection<BsonDocument>("things").Insert(new BsonDocument { ["_id"] = 1 });

        Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(Path.Combine(directory, "isms.db")));
        Assert.Equal(DataFiles.OwnerOnly, File.GetUnixFileMode(log));
        Assert.True(new FileInfo(log).Length > 0, "the insert is in the log");
    }

    [Fact]
    public void ADataFileThatIsNotADatabase_StopsTheStart_NamingThePath()
    {
        var directory = Path.Combine(_root, "data");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "isms.db"), new string('x', 8192));

        var refused = Assert.Throws<StorageStartupException>(() => IsmsDatabase.Open(new StorageOptions { DataDirectory = directory }, _root));

        Assert.Contains(Path.Combine(directory, "isms.db"), refused.Message);
        Assert.StartsWith("データの保存先 ", refused.Message);
    }

    [Fact]
    public void ADataDirectoryThatIsAFile_StopsTheStart_NamingThePath()
    {
        var notADirectory = Path.Combine(_root, "data");
        File.WriteAllText(notADirectory, "");

        var refused = Assert.Throws<StorageStartupException>(() => DataDirectory.Prepare(new StorageOptions { DataDirectory = notADirectory }, _root));

        Assert.Contains(notADirectory, refused.Message);
    }

    [Theory]
    [InlineData(28, StorageCause.DiskFull)]
    [InlineData(122, StorageCause.DiskFull)]
    [InlineData(30, StorageCause.ReadOnly)]
    [InlineData(13, StorageCause.PermissionDenied)]
    [InlineData(5, StorageCause.Io)]
    public void UnixErrors_AreNamedForWhatTheyMean(int errno, StorageCause cause) =>
        Assert.Equal(cause, StorageFailure.Classify(new InvalidOperationException("wrapped", new IOException("error", errno))));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
