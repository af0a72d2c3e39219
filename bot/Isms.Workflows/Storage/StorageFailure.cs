using LiteDB;

namespace Isms.Workflows.Storage;

/// <summary>Why the data files could not be used, as far as the operating system or the engine says.</summary>
public enum StorageCause
{
    /// <summary>No space left on the device (ENOSPC, EDQUOT, ERROR_DISK_FULL).</summary>
    DiskFull,
    /// <summary>The file system is mounted read-only (EROFS).</summary>
    ReadOnly,
    /// <summary>The process may not open or create the file (EACCES, EPERM).</summary>
    PermissionDenied,
    /// <summary>Another bot instance holds the data directory.</summary>
    InUse,
    /// <summary>The engine found its file in a state it cannot work with (LiteDB's "invalid datafile state" checks).</summary>
    EngineState,
    /// <summary>The file is not a database the engine can open with the settings given (a wrong or missing
    /// Storage:Password, or not a LiteDB file).</summary>
    Unreadable,
    /// <summary>Any other input/output error.</summary>
    Io,
}

/// <summary>
/// Classifies the exceptions the data files raise, and says what they mean in the words an administrator needs:
/// the cause and what to do, in Japanese and English. LiteDB closes its engine for good after an I/O error or a failed
/// internal check; these are the failures <see cref="HealingEngine"/> reopens after.
/// </summary>
public static class StorageFailure
{
    // errno values on Linux and macOS; .NET puts the raw errno into IOException.HResult on Unix.
    private const int Enospc = 28, Erofs = 30, Edquot = 122, EdquotMac = 69, Eacces = 13, Eperm = 1, Ewouldblock = 11;
    // HRESULTs on Windows: ERROR_DISK_FULL, ERROR_HANDLE_DISK_FULL, ERROR_WRITE_PROTECT, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION.
    private const int WinDiskFull = unchecked((int)0x80070070), WinHandleDiskFull = unchecked((int)0x80070027),
        WinWriteProtect = unchecked((int)0x80070013), WinSharing = unchecked((int)0x80070020), WinLock = unchecked((int)0x80070021);

    /// <summary>True for the failures after which LiteDB's engine is closed (or must not be trusted) until reopened. A lock
    /// not released within LiteDB's timeout (a minute) is one of them: every write here takes milliseconds, so a lock held
    /// that long belongs to a transaction that will never end (LiteDB 5.0.21 can leave one behind when a snapshot or a
    /// rollback fails halfway), and it would block that collection until a restart.</summary>
    public static bool IsEngineFault(Exception exception) => exception switch
    {
        StorageUnavailableException => true,
        IOException or UnauthorizedAccessException or ObjectDisposedException => true,
        LiteException lite => lite.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED
            or LiteException.DATABASE_SHUTDOWN or LiteException.LOCK_TIMEOUT,
        _ => false,
    };

    /// <summary>The cause of a storage failure, looking through wrapping exceptions.</summary>
    public static StorageCause Classify(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case StorageUnavailableException unavailable:
                    return unavailable.Cause;
                case StorageStartupException startup:
                    return startup.Cause;
                case UnauthorizedAccessException:
                    return StorageCause.PermissionDenied;
                case IOException io when io.HResult is Enospc or Edquot or EdquotMac or WinDiskFull or WinHandleDiskFull
                    || io.Message.Contains("No space left on device", StringComparison.OrdinalIgnoreCase):
                    return StorageCause.DiskFull;
                case IOException io when io.HResult is Erofs or WinWriteProtect
                    || io.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase):
                    return StorageCause.ReadOnly;
                case IOException io when io.HResult is Eacces or Eperm:
                    return StorageCause.PermissionDenied;
                case IOException io when io.HResult is Ewouldblock or WinSharing or WinLock:
                    return StorageCause.InUse;
                case LiteException lite when lite.ErrorCode is LiteException.INVALID_DATAFILE_STATE or LiteException.LOCK_TIMEOUT:
                    return StorageCause.EngineState;
            }
        }

        return StorageCause.Io;
    }

    /// <summary>Whether waiting helps without anyone doing something (a reopen fixes an engine fault; a full or
    /// read-only disk needs an administrator).</summary>
    public static bool NeedsAdministrator(StorageCause cause) =>
        cause is StorageCause.DiskFull or StorageCause.ReadOnly or StorageCause.PermissionDenied or StorageCause.InUse or StorageCause.Unreadable;

    /// <summary>A short machine-readable name, for /healthz and the log.</summary>
    public static string Code(StorageCause cause) => cause switch
    {
        StorageCause.DiskFull => "disk-full",
        StorageCause.ReadOnly => "read-only",
        StorageCause.PermissionDenied => "permission-denied",
        StorageCause.InUse => "in-use",
        StorageCause.EngineState => "engine-state",
        StorageCause.Unreadable => "unreadable",
        _ => "io-error",
    };

    /// <summary>What the cause means, in Japanese, for the administrator.</summary>
    public static string Japanese(StorageCause cause) => cause switch
    {
        StorageCause.DiskFull => "ディスクの空き容量がありません。不要なファイルを削除するか容量を増やしてください（空きができれば自動で書き込みを再開します）",
        StorageCause.ReadOnly => "ファイルシステムが読み取り専用です。書き込みできる状態に戻してください",
        StorageCause.PermissionDenied => "ファイルへのアクセス権がありません。ボットを実行するユーザーが読み書きできるようにしてください",
        StorageCause.InUse => "別のボットのプロセスが同じデータフォルダーを使用しています",
        StorageCause.EngineState => "データベースエンジンが内部の不整合を検知しました（再接続して続行します）",
        StorageCause.Unreadable => "データベースとして開けません。Storage:Password の設定と、ファイルが正しいものかを確認してください",
        _ => "ファイルの読み書きでエラーが発生しました",
    };

    /// <summary>What the cause means, in English, for the administrator.</summary>
    public static string English(StorageCause cause) => cause switch
    {
        StorageCause.DiskFull => "the disk is full: free space or enlarge the volume (writes resume by themselves once there is space)",
        StorageCause.ReadOnly => "the file system is read-only: make it writable again",
        StorageCause.PermissionDenied => "permission denied: let the user the bot runs as read and write the files",
        StorageCause.InUse => "another bot process is using the same data directory",
        StorageCause.EngineState => "the database engine found an inconsistency in its own state (it is reopened and work goes on)",
        StorageCause.Unreadable => "the file cannot be opened as a database: check Storage:Password and that it is the right file",
        _ => "an input/output error occurred",
    };
}
