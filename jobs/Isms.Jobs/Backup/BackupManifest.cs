using System.Security.Cryptography;
using System.Text.Json;
using Isms.Workflows.Storage;

namespace Isms.Jobs.Backup;

/// <summary>One file of a backup, with its size and SHA-256 (checked again before a restore).</summary>
public sealed record BackupFile(string Name, long Bytes, string Sha256)
{
    public static BackupFile Of(string path)
    {
        using var stream = File.OpenRead(path);
        return new BackupFile(Path.GetFileName(path), stream.Length, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

/// <summary>What a backup holds and what its verification found; <c>manifest.json</c> in the backup's folder.</summary>
public sealed record BackupManifest(
    DateTimeOffset CreatedAt,
    IReadOnlyList<BackupFile> Files,
    bool Verified,
    long Records,
    long AuditEntries,
    bool AuditChainValid,
    string? Problem)
{
    public const string FileName = "manifest.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public long Bytes => Files.Sum(f => f.Bytes);

    public void Write(string folder)
    {
        using var stream = DataFiles.OpenNew(Path.Combine(folder, FileName), FileMode.Create);
        JsonSerializer.Serialize(stream, this, Json);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>The manifest of a backup folder, or null when it has none or it cannot be read.</summary>
    public static BackupManifest? Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize<BackupManifest>(File.ReadAllText(path), Json) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
