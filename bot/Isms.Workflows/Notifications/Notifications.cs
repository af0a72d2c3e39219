using System.Text.Json.Nodes;
using Isms.Workflows.Org;

namespace Isms.Workflows.Notifications;

/// <summary>
/// Someone to tell, with the ids the host needs to reach them: the directory id when they are in the 組織名簿, their
/// name, and the Entra object id and Teams user id a proactive message goes to (either may be missing).
/// </summary>
public sealed record Recipient(string? PersonId, string Name, string? AadObjectId, string? TeamsUserId)
{
    /// <summary>The id a proactive message goes to: the Entra object id, else the Teams user id; null when neither is known.</summary>
    public string? ReachId => AadObjectId ?? TeamsUserId;

    /// <summary>Who this is, for de-duplication and the jobs' ledger: <see cref="ReachId"/>, else the directory id.
    /// The same person always has the same key (a Teams id learned later does not change an Entra id).</summary>
    public string Key => ReachId ?? PersonId ?? "";

    /// <summary>A directory person as they can be reached now.</summary>
    public static Recipient Of(Person person) => new(person.Id, person.Name, person.AadObjectId, person.TeamsUserId);

    /// <summary>Whom to call, as a sentence names them: 佐藤 花子さん（内線 2102）; the name alone when the directory has no number.</summary>
    public static string Describe(string name, string? phone) => phone is { Length: > 0 } ? $"{name}さん（{phone}）" : $"{name}さん";

    /// <summary>Someone known only by the id the host reaches them by (an Entra object id or a Teams user id).</summary>
    public static Recipient ById(string id, string? name = null) => new(null, name ?? "", null, id);
}

/// <summary>What to tell, in Japanese: a title (the first line and the chat list preview), the text, the clause it rests
/// on, the record or subject it is about, and an optional Adaptive Card the host sends instead of the text.</summary>
public sealed record Notification(string Title, string Text, string? Clause = null, string? SubjectId = null, JsonObject? Card = null);

/// <summary>A notification for one person, as the workflows hand them to the host to send.</summary>
public sealed record Notice(Recipient To, Notification Message)
{
    public Notice(Recipient to, string title, string text, JsonObject? card = null)
        : this(to, new Notification(title, text, Card: card))
    {
    }

    public string Title => Message.Title;

    public string Text => Message.Text;

    public JsonObject? Card => Message.Card;
}

public enum NotifyResult
{
    Sent,
    /// <summary>The host has no way to reach this person yet (no conversation reference).</summary>
    Unreachable,
    Failed,
}

/// <summary>The way workflows and jobs talk to people. The bot host implements it with proactive Teams messages.</summary>
public interface INotifier
{
    Task<NotifyResult> NotifyAsync(Recipient recipient, Notification notification, CancellationToken cancellationToken);
}
