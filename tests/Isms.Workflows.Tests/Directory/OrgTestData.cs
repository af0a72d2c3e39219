using Isms.Workflows.Org;
using Isms.Workflows.Tests.Support;

namespace Isms.Workflows.Tests.Org;

/// <summary>The shipped sample directory and small YAML variants of it.</summary>
internal static class OrgTestData
{
    public static string SamplePath { get; } =
        Path.Combine(RepoPaths.RepoRoot, "bot", "Isms.Workflows", "data", "org-directory.sample.yaml");

    public static string SampleText => File.ReadAllText(SamplePath);

    public static OrgDirectory Sample() => OrgDirectoryLoader.LoadFile(SamplePath);

    public const string Applicant = "E0001";        // 山田 太郎, 警防課
    public const string Manager = "E0002";          // 佐藤 花子, 警防課 情報セキュリティ管理者
    public const string Officer = "E0003";          // 鈴木 一郎, 警防課長 = 責任者, 情報システム管理者(ネットワーク)
    public const string Chief = "E0004";            // 高橋 次郎, 統括情報セキュリティ責任者
    public const string Ciso = "E0005";             // 田中 三郎, CISO
    public const string ManagersDeputy = "E0006";   // 池田 誠司, acts for 佐藤 花子 2026-08-10..16

    public static string Aad(int n) => $"00000000-0000-4000-8000-{n:D12}";

    /// <summary>A minimal valid directory, for load and reload facts.</summary>
    public static string Minimal(string managerName = "佐藤 花子", string extraPeople = "", string deputies = "") => $"""
        organisation: 館林地区消防組合
        departments:
          - {"{"} name: 警防課, group: 消防本部 {"}"}
        people:
          - id: A1
            name: 山田 太郎
            department: 警防課
            title: 主事
            aadObjectId: {Aad(1)}
          - id: A2
            name: {managerName}
            department: 警防課
            title: 課長補佐
            aadObjectId: {Aad(2)}
            roles:
              - role: SecurityManager
        {extraPeople}
        deputies: {(deputies.Length == 0 ? "[]" : "\n" + deputies)}
        """;
}
