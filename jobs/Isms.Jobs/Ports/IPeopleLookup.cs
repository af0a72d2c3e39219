using Isms.Workflows.Notifications;
using Isms.Workflows.Training;

namespace Isms.Jobs.Ports;

/// <summary>The roles of section 1 that jobs notify.</summary>
public enum IsmsRole
{
    /// <summary>最高情報セキュリティ責任者 1(1).</summary>
    Ciso,
    /// <summary>統括情報セキュリティ責任者 1(2).</summary>
    ChiefOfficer,
    /// <summary>情報セキュリティ責任者 1(3), per 所属.</summary>
    SecurityResponsible,
    /// <summary>情報セキュリティ管理者 1(4), per 所属.</summary>
    SecurityManager,
    /// <summary>情報システム管理者 1(5).</summary>
    SystemAdministrator,
    /// <summary>CSIRT の統一的な窓口 1(9).</summary>
    IncidentDesk,
}

/// <summary>Who holds a role, as the org directory says (deputies included when the host's directory applies them).</summary>
public interface IPeopleLookup
{
    /// <summary>Holders of <paramref name="role"/>; <paramref name="department"/> narrows the per-所属 roles, null means all.</summary>
    Task<IReadOnlyList<Recipient>> HoldersAsync(IsmsRole role, string? department, CancellationToken cancellationToken);

    /// <summary>The 情報システム管理者 of <paramref name="system"/> (1(5)②), deputies included; empty when the directory
    /// names none for it. A lookup that does not know systems answers every holder.</summary>
    Task<IReadOnlyList<Recipient>> SystemAdministratorsAsync(string system, CancellationToken cancellationToken) =>
        HoldersAsync(IsmsRole.SystemAdministrator, null, cancellationToken);

    /// <summary>Everyone who must attend training (職員等 1(3)④).</summary>
    Task<IReadOnlyList<TrainingPerson>> StaffAsync(CancellationToken cancellationToken);
}
