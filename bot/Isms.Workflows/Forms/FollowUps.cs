using System.Text.Json.Nodes;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;

namespace Isms.Workflows.Forms;

/// <summary>Who may use a follow-up command (the bot's command table checks it the same way as its own commands).</summary>
public enum FollowUpUsers
{
    Everyone,
    /// <summary>People in the 組織名簿.</summary>
    InDirectory,
    /// <summary>Holders of <see cref="FollowUpCommand.Roles"/> (or who act for a holder today).</summary>
    RoleHolders,
}

/// <summary>Where the help card lists a follow-up command.</summary>
public enum FollowUpHelpSection
{
    /// <summary>One's own records and the union's registers.</summary>
    Records,
    /// <summary>What a role holder does.</summary>
    Roles,
}

/// <summary>A help-card entry: a button titled <paramref name="Title"/> and a few words on what it is when the title does not say.</summary>
public sealed record FollowUpHelp(FollowUpHelpSection Section, string Title, string? Note = null);

/// <summary>What a follow-up shows: a card, and the text a client without cards shows instead.</summary>
public sealed record FollowUpCard(JsonObject Card, string Summary);

/// <summary>Whom a follow-up command is for: the person as the activity names them (their Teams user id), and today
/// (Japan date). <paramref name="Services"/> are the host's, for the procedure's own services.</summary>
public sealed record FollowUpViewer(IServiceProvider Services, string UserId, DateOnly Today);

/// <summary>
/// A command a procedure adds once its requests exist (廃棄記録, 例外措置一覧): the words people type (folded as the
/// command table folds them), who may use it, its help-card entry (none when null), and the card it shows. Always in
/// the person's own chat: it shows their records.
/// </summary>
public sealed record FollowUpCommand(string Key, IReadOnlyList<string> Words, Func<FollowUpViewer, FollowUpCard> Show)
{
    public FollowUpUsers Users { get; init; } = FollowUpUsers.Everyone;
    /// <summary>For <see cref="FollowUpUsers.RoleHolders"/>: which roles.</summary>
    public IReadOnlyList<OrgRole> Roles { get; init; } = [];
    public FollowUpHelp? Help { get; init; }
}

/// <summary>
/// A card submit of a follow-up, as plain data: the sender as the activity names them, the activity id (for the audit
/// trail), the record the card names (checked to look like a record id; whether this person may act on it is the
/// procedure's to decide), and the other submitted values, all untrusted strings (values of other JSON types are left out).
/// </summary>
public sealed record FollowUpSubmit(
    IServiceProvider Services, string UserId, string? AadObjectId, string? ActivityId, string RecordId,
    IReadOnlyDictionary<string, string> Values, DateOnly Today)
{
    public string? Value(string key) => Values.GetValueOrDefault(key);
}

/// <summary>What a follow-up card's action did, for the bot to carry out.</summary>
public abstract record FollowUpOutcome
{
    private FollowUpOutcome()
    {
    }

    /// <summary>Tell the sender <see cref="FollowUpResult.Message"/>; when it succeeded, update the record's receipts,
    /// send its notices and then show <paramref name="ThenShow"/> (the next one to record), when there is one.</summary>
    public sealed record Done(FollowUpResult Result, FollowUpCard? ThenShow = null) : FollowUpOutcome;

    /// <summary>Start form <paramref name="Kind"/> prefilled with <paramref name="Answers"/>, once the bot has checked
    /// that the sender may file it (延長申請: a new 例外措置申請).</summary>
    public sealed record StartForm(FormKind Kind, IReadOnlyDictionary<string, string> Answers) : FollowUpOutcome;

    /// <summary>The card's data is not one the action takes: the bot declines it as it declines any bad card.</summary>
    public sealed record Declined : FollowUpOutcome;
}

/// <summary>What a procedure's card runs when submitted with <paramref name="Marker"/> (its <c>isms</c> value).</summary>
public sealed record FollowUpAction(string Marker, Func<FollowUpSubmit, FollowUpOutcome> Run);
