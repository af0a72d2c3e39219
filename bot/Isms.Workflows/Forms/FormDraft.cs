namespace Isms.Workflows.Forms;

public enum DraftStage
{
    Editing,
    Confirming,
}

/// <summary>A half-filled form, stored so it survives a restart. One per person and form kind.</summary>
public sealed class FormDraft
{
    public string Id { get; set; } = "";
    public string OwnerUserId { get; set; } = "";
    public FormKind Kind { get; set; }
    /// <summary>Raw answers by field id, kept even when invalid so that nothing typed is lost.</summary>
    public Dictionary<string, string> Answers { get; set; } = [];
    public int StepIndex { get; set; }
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
