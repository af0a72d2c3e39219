using System.Text.Json.Nodes;
using Isms.Workflows.Approvals;
using Isms.Workflows.Incidents;
using Isms.Workflows.Notifications;

namespace Isms.Bot.Notifications;

/// <summary>
/// A card that waits in the outbox is kept as what identifies it, not as a snapshot: its refresh action (the verb and
/// the record id, as Teams would send them on a refresh). At delivery it is drawn again from the record as it is then,
/// for that person, exactly as a refresh would draw it: a snapshot minutes old carries a card version the record has
/// moved past, and its first press would be refused.
/// </summary>
public sealed class LateCards(ApprovalService approvals, IncidentService incidents)
{
    /// <summary>The refresh verb and record id of a card the bot can draw again; null for any other card.</summary>
    public static (string Verb, string RecordId)? Identify(JsonObject? card)
    {
        var action = card?["refresh"]?["action"];
        return (string?)action?["verb"] is { } verb && IsKnown(verb) && action?["data"]?["recordId"] is JsonValue id
            && id.TryGetValue<string>(out var recordId) && recordId.Length > 0
            ? (verb, recordId)
            : null;
    }

    /// <summary>The card for this person now; null when the record is gone or they may no longer see it.</summary>
    public JsonObject? Draw(string verb, string recordId, Recipient to) => verb switch
    {
        IncidentText.RefreshVerb => incidents.CardFor(recordId, to.AadObjectId, to.TeamsUserId),
        DecisionText.RefreshVerb => approvals.CardFor(recordId, to.AadObjectId, to.TeamsUserId),
        _ => null,
    };

    private static bool IsKnown(string verb) => verb is IncidentText.RefreshVerb or DecisionText.RefreshVerb;
}
