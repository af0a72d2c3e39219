namespace Isms.Workflows.Forms;

/// <summary>
/// Who may file a form whose definition names <see cref="FormDefinition.ApplicantRoles"/> (例外措置申請: 管理者 and
/// 情報システム管理者, 7.4(1)). The host checks it when the form starts, and the form engine again when it is sent: a
/// role may end in between, and a card can be replayed. The host implements it, for it knows whom to name.
/// </summary>
public interface IApplicantRoleCheck
{
    /// <summary>Null when <paramref name="who"/> holds one of the roles (or the form names none); otherwise the sentence
    /// that says who files this form and whom to ask.</summary>
    string? Refusal(Applicant who, FormDefinition definition);
}
