namespace Isms.Workflows.Org;

/// <summary>The roles of section 1 (組織体制) of the 対策基準. Stored and written in YAML by name.</summary>
public enum OrgRole
{
    /// <summary>最高情報セキュリティ責任者, 1(1)①.</summary>
    Ciso,
    /// <summary>副CISO, 1(1)④.</summary>
    DeputyCiso,
    /// <summary>統括情報セキュリティ責任者, 1(2)①.</summary>
    ChiefSecurityOfficer,
    /// <summary>情報セキュリティ責任者 of a 所属, 1(3)①.</summary>
    SecurityOfficer,
    /// <summary>情報セキュリティ管理者 of a 所属, 1(4)①.</summary>
    SecurityManager,
    /// <summary>情報システム管理者 of a system (the network: 警防課長), 1(5)①②.</summary>
    SystemAdministrator,
    /// <summary>情報システム担当者, 1(6).</summary>
    SystemStaff,
    /// <summary>CSIRT責任者, 1(9)②.</summary>
    CsirtLead,
    /// <summary>CSIRT member, 1(9)②.</summary>
    CsirtMember,
    /// <summary>情報セキュリティに関する統一的な窓口, 1(9)③.</summary>
    SecurityDesk,
}

public static class OrgRoles
{
    private static readonly Dictionary<OrgRole, string> Labels = new()
    {
        [OrgRole.Ciso] = "CISO（最高情報セキュリティ責任者）",
        [OrgRole.DeputyCiso] = "副CISO",
        [OrgRole.ChiefSecurityOfficer] = "統括情報セキュリティ責任者",
        [OrgRole.SecurityOfficer] = "情報セキュリティ責任者",
        [OrgRole.SecurityManager] = "情報セキュリティ管理者",
        [OrgRole.SystemAdministrator] = "情報システム管理者",
        [OrgRole.SystemStaff] = "情報システム担当者",
        [OrgRole.CsirtLead] = "CSIRT責任者",
        [OrgRole.CsirtMember] = "CSIRT",
        [OrgRole.SecurityDesk] = "統一的な窓口",
    };

    /// <summary>Japanese names an administrator may write instead of the English ones.</summary>
    private static readonly Dictionary<string, OrgRole> Aliases = new(StringComparer.Ordinal)
    {
        ["CISO"] = OrgRole.Ciso,
        ["最高情報セキュリティ責任者"] = OrgRole.Ciso,
        ["副CISO"] = OrgRole.DeputyCiso,
        ["統括情報セキュリティ責任者"] = OrgRole.ChiefSecurityOfficer,
        ["情報セキュリティ責任者"] = OrgRole.SecurityOfficer,
        ["情報セキュリティ管理者"] = OrgRole.SecurityManager,
        ["情報システム管理者"] = OrgRole.SystemAdministrator,
        ["情報システム担当者"] = OrgRole.SystemStaff,
        ["CSIRT責任者"] = OrgRole.CsirtLead,
        ["CSIRT"] = OrgRole.CsirtMember,
        ["統一的な窓口"] = OrgRole.SecurityDesk,
    };

    public static string Label(this OrgRole role) => Labels[role];

    /// <summary>Roles held for one 所属; the others are held for the whole union.</summary>
    public static bool IsDepartmental(this OrgRole role) =>
        role is OrgRole.SecurityOfficer or OrgRole.SecurityManager or OrgRole.SystemStaff;

    /// <summary>Roles held for one information system (the network or a named system).</summary>
    public static bool IsPerSystem(this OrgRole role) => role is OrgRole.SystemAdministrator or OrgRole.SystemStaff;

    /// <summary>Accepts the English name (any case) or the Japanese name of a role.</summary>
    public static bool TryParse(string? text, out OrgRole role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (Aliases.TryGetValue(trimmed, out role)) return true;
        return Enum.TryParse(trimmed, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(trimmed, out _);
    }
}
