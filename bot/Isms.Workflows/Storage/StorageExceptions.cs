namespace Isms.Workflows.Storage;

/// <summary>
/// The data store cannot be used right now: the engine failed and reopening it failed too (or is being retried after
/// a pause). An <see cref="IOException"/>, so code that already treats I/O failures as "try later" does so here.
/// </summary>
public sealed class StorageUnavailableException(string path, StorageCause cause, Exception? inner)
    : IOException($"The data store {path} is unavailable: {StorageFailure.English(cause)}.", inner)
{
    public string Path { get; } = path;

    public StorageCause Cause { get; } = cause;
}

/// <summary>
/// The bot cannot start on its data files. The message names the path and the cause in Japanese and English, so the
/// person reading the service log knows what to fix without decoding a LiteDB or SQLite message.
/// </summary>
public sealed class StorageStartupException(string path, StorageCause cause, string? detail = null, Exception? inner = null)
    : Exception(Describe(path, cause, detail), inner)
{
    public string Path { get; } = path;

    public StorageCause Cause { get; } = cause;

    private static string Describe(string path, StorageCause cause, string? detail) =>
        $"データの保存先 {path} を使えないため起動できません: {StorageFailure.Japanese(cause)}。"
        + $"{Environment.NewLine}Cannot start: {path} cannot be used: {StorageFailure.English(cause)}."
        + (detail is null ? "" : $"{Environment.NewLine}{detail}");
}
