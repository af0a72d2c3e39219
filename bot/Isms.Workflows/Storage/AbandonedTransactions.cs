using System.Collections;
using System.Reflection;
using LiteDB;
using LiteDB.Engine;

namespace Isms.Workflows.Storage;

/// <summary>
/// LiteDB 5.0.21 gives each transaction a finalizer that runs its whole rollback on the GC finalizer thread. A transaction
/// left open by a failed write (its rollback threw, so the engine's close could not dispose it either) is finalized later,
/// throws there again ("discarded page must be writable") and ends the process, long after the store has healed
/// (litedb-org/LiteDB#2828; no fixed 5.x is served). Once an engine is closed, the transactions it still lists are dead:
/// they are released from finalization. The fields are LiteDB's private ones; <see cref="Supported"/> says whether this
/// LiteDB has them, and a test keeps that true.
/// </summary>
internal static class AbandonedTransactions
{
    private const BindingFlags Private = BindingFlags.NonPublic | BindingFlags.Instance;

    private static readonly FieldInfo? Monitor = typeof(LiteEngine).GetField("_monitor", Private);

    private static readonly FieldInfo? Open = Monitor?.FieldType.GetField("_transactions", Private);

    public static bool Supported => Open is not null && typeof(IDictionary).IsAssignableFrom(Open.FieldType);

    /// <summary>Releases from finalization the transactions <paramref name="engine"/> still lists; returns how many.
    /// Call it only for an engine that is closed (or will not be used again).</summary>
    public static int Release(ILiteEngine engine)
    {
        if (engine is not LiteEngine lite || Monitor?.GetValue(lite) is not { } monitor || Open?.GetValue(monitor) is not IDictionary open)
        {
            return 0;
        }

        List<object> transactions;
        // The monitor guards its dictionary with a lock on the dictionary itself.
        lock (open)
        {
            transactions = open.Values.Cast<object>().ToList();
        }

        foreach (var transaction in transactions)
        {
            GC.SuppressFinalize(transaction);
        }

        return transactions.Count;
    }
}
