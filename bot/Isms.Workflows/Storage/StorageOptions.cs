using System.ComponentModel.DataAnnotations;

namespace Isms.Workflows.Storage;

/// <summary>Where the embedded LiteDB data file lives. Bound from the "Storage" configuration section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Directory of the data file; relative paths are resolved against the content root.</summary>
    [Required]
    public string DataDirectory { get; set; } = "data";

    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.\-]+\.db$", ErrorMessage = "Storage:FileName must be a plain file name ending in .db")]
    public string FileName { get; set; } = "isms.db";

    /// <summary>Optional. When set, LiteDB encrypts the whole file with it (AES). Never commit it: use an environment
    /// variable (Storage__Password) or user secrets.</summary>
    public string? Password { get; set; }

    /// <summary>The data directory as an absolute path (relative to <paramref name="contentRoot"/> when not rooted).</summary>
    public string ResolveDirectory(string contentRoot) =>
        Path.GetFullPath(Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory));
}
