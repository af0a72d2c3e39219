using System.Runtime.InteropServices;

namespace Isms.Workflows.Storage;

/// <summary>
/// Data files hold personal data (incident reports, names): on Unix they are readable and writable by the bot's own
/// user only (0600), folders 0700. Files the bot creates itself are created that way; files the engines create (LiteDB,
/// its log, SQLite) are created empty with 0600 before the engine opens them, and existing ones are tightened.
/// </summary>
public static class DataFiles
{
    public const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>
    /// Makes every file this process creates from now on owner-only (umask 077), so files that libraries create on their
    /// own (LiteDB's sort and rebuild files, SQLite's journal) are covered too. Call once at process start.
    /// </summary>
    public static void RestrictNewFiles()
    {
        if (!OperatingSystem.IsWindows())
        {
            _ = SetUmask(Convert.ToUInt32("077", 8));
        }
    }

    /// <summary>Creates the folder (owner-only on Unix) if it does not exist.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
        }
    }

    /// <summary>Creates the file empty and owner-only when missing; tightens it to owner-only when it exists.
    /// Returns true when an existing file was readable by others and has been tightened.</summary>
    public static bool Protect(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (!File.Exists(path))
        {
            using (OpenNew(path, FileMode.CreateNew))
            {
            }

            return false;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & ~OwnerOnly) == 0)
        {
            return false;
        }

        File.SetUnixFileMode(path, OwnerOnly);
        return true;
    }

    /// <summary>A new file for writing, created owner-only.</summary>
    public static FileStream OpenNew(string path, FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(path, options);
    }

    /// <summary>Copies a file to a new owner-only file and flushes it to the disk.</summary>
    public static void CopyTo(string source, string destination)
    {
        using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var output = OpenNew(destination);
        input.CopyTo(output);
        output.Flush(flushToDisk: true);
    }

    [DllImport("libc", EntryPoint = "umask")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern uint SetUmask(uint mask);
}
