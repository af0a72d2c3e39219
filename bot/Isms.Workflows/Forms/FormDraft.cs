namespace Isms.Workflows.Forms;

public enum DraftStage
{
    Editing,
    Confirming,
}

/// <summary>A half-filled form, stored so it survives a restart. One per person and form kind.</summary>
/// <summary>Where an answer the person did not type came from.</summary>
public enum AutoFillSource
{
    /// <summary>The words that started the form.</summary>
    Words,
    /// <summary>The person's last record of the same form.</summary>
    LastAnswer,
    /// <summary>A default: today, the person and their 所属.</summary>
    Default,
}

/// <summary>An answer filled in for the person, kept to tell it apart from what they typed.</summary>
public sealed class AutoAnswer
{
    public string Value { get; set; } = "";
    public AutoFillSource Source { get; set; }
}

public sealed class FormDraft
{
    public string Id { get; set; } = "";
    public string OwnerUserId { get; set; } = "";
    public FormKind Kind { get; set; }
    /// <summary>Raw answers by field id, kept even when invalid so that nothing typed is lost.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    /// <summary>The first step of the page shown (a page is one step or several short ones).</summary>
    public int StepIndex { get; set; }
    /// <summary>The last step of the page shown; below <see cref="StepIndex"/> (drafts from before pages) means the same step.</summary>
    public int PageEnd { get; set; } = -1;
    /// <summary>
    /// Until the person first sees the confirmation or goes back, answers filled in for them (from their words, their
    /// last record or a default) are not asked: the confirmation shows them all and 修正する shows every field.
    /// </summary>
    public bool AsksOnlyMissing { get; set; }
    /// <summary>Answers filled in for the person, by field id; an answer the person has since changed no longer counts.</summary>
    public Dictionary<string, AutoAnswer> AutoFilled { get; set; } = [];
    public DraftStage Stage { get; set; }
    /// <summary>The nonce of the last card rendered for this draft; only that card is accepted.</summary>
    public string Nonce { get; set; } = "";
    /// <summary>Field ids the last rendered card had inputs for; only those are read back from its payload.</summary>
    public List<string> RenderedFieldIds { get; set; } = [];
    /// <summary>Rules whose immediate notice was already shown, so it is shown once.</summary>
    public List<string> NoticesShown { get; set; } = [];
    /// <summary>Prefill from words the person typed while this draft was open, used if they choose to start over.</summary>
    public Dictionary<string, string> PendingPrefill { get; set; } = [];
    /// <summary>The returned (差戻し) record this draft corrects; submitting it resubmits that record under its number.</summary>
    public string? ReopensRecordId { get; set; }
    /// <summary>The approver's comment on the return, shown on every card of the corrected form.</summary>
    public string? ReopenNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
