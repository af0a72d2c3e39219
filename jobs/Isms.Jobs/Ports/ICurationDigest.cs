using Isms.Workflows.Notifications;

namespace Isms.Jobs.Ports;

/// <summary>
/// The weekly list of questions the bot could not serve (declined as out of scope, or marked 役に立たなかった) and the
/// curation entries the current edition cannot use. The host builds it from its answer log and curation store.
/// </summary>
public interface ICurationDigest
{
    /// <summary>The list for [<paramref name="from"/>, <paramref name="until"/>); null when there is nothing to report.</summary>
    Task<Notification?> WeeklyListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken);
}
