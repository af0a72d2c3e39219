using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Forms;

/// <summary>Drafts in LiteDB, so a half-filled form survives a restart.</summary>
public sealed class FormDraftStore
{
    public const string CollectionName = "form_drafts";

    private readonly ILiteCollection<FormDraft> _drafts;

    public FormDraftStore(IsmsDatabase database)
    {
        _drafts = database.Collection<FormDraft>(CollectionName);
        _drafts.EnsureIndex(d => d.OwnerUserId);
    }

    public FormDraft? Find(string id) => _drafts.FindById(id);

    public FormDraft? FindByOwner(string ownerUserId, FormKind kind) =>
        _drafts.FindOne(d => d.OwnerUserId == ownerUserId && d.Kind == kind);

    public IReadOnlyList<FormDraft> ListByOwner(string ownerUserId) =>
        _drafts.Find(d => d.OwnerUserId == ownerUserId).OrderBy(d => d.CreatedAt).ThenBy(d => d.Kind).ToList();

    public void Save(FormDraft draft) => _drafts.Upsert(draft);

    public void Delete(string id) => _drafts.Delete(id);
}
