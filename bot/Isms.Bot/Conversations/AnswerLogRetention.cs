using Isms.Workflows.Storage;
using LiteDB;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Conversations;

/// <summary>How long the answer log keeps what staff asked. Bound from the "AnswerLog" section.</summary>
public sealed class AnswerLogOptions
{
    public const string SectionName = "AnswerLog";

    /// <summary>Answers older than this are deleted by the daily prune. One year by default.</summary>
    public int RetentionDays { get; set; } = 365;

    /// <summary>
    /// Answers citing a clause that starts with one of these (comma-separated) are kept past the retention: by default
    /// chapter 7 (運用: 違反の報告 7.2(3), 侵害時の対応と証拠保全 7.3, 例外措置 7.4, 懲戒 7.6), which compliance checks and
    /// an investigation may need to read back. Empty: keep none.
    /// </summary>
    public string KeepClausePrefixes { get; set; } = "7.";

    public IReadOnlyList<string> Prefixes =>
        KeepClausePrefixes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Deletes answer log entries past <see cref="AnswerLogOptions.RetentionDays"/>, except those it must keep.</summary>
public sealed class AnswerLogRetention
{
    private const int Batch = 500;

    private readonly ILiteCollection<AnswerLog.AnswerEntry> _answers;
    private readonly IOptions<AnswerLogOptions> _options;
    private readonly TimeProvider _time;

    public AnswerLogRetention(IsmsDatabase database, IOptions<AnswerLogOptions> options, TimeProvider time)
    {
        _answers = database.Collection<AnswerLog.AnswerEntry>(AnswerLog.CollectionName);
        _answers.EnsureIndex(a => a.AnsweredAt);
        _options = options;
        _time = time;
    }

    /// <summary>Deletes what is due now; returns how many entries were deleted.</summary>
    public int Prune()
    {
        var cutoff = _time.GetUtcNow().AddDays(-_options.Value.RetentionDays);
        var keep = _options.Value.Prefixes;
        var deleted = 0;
        var skip = 0;
        while (true)
        {
            // In batches, oldest first, so the first prune of a large log neither loads it whole nor holds writes for long.
            var page = _answers.Query().Where(a => a.AnsweredAt < cutoff).OrderBy(a => a.AnsweredAt).Skip(skip).Limit(Batch).ToList();
            if (page.Count == 0)
            {
                return deleted;
            }

            var doomed = page.Where(a => !a.ClauseIds.Any(c => keep.Any(p => c.StartsWith(p, StringComparison.Ordinal)))).Select(a => a.Id).ToList();
            skip += page.Count - doomed.Count;
            deleted += doomed.Count == 0 ? 0 : _answers.DeleteMany(Query.In("_id", doomed.Select(id => new BsonValue(id))));
        }
    }
}
