using System.Text.RegularExpressions;
using Isms.Knowledge.Retrieval;

namespace Isms.Knowledge.Ranking;

/// <summary>What each clause is, read once from its wording: the role it defines, whether it grants or asks for
/// permission, whether staff are its subject, how often it happens. The ranker pairs these with the question's cues.</summary>
public sealed partial class ClauseTraits
{
    public readonly record struct Trait(string? DefinedRole, bool Approval, bool RoleSubject, bool What, bool NegativeHeading, bool StaffSubject, bool Frequency, bool Permits, bool StaffReports, bool Prohibits, bool Classifies, bool HandlesByCategory, bool StaffTells, bool AnswersOutsideReport);

    private readonly Trait[] _traits;

    public ClauseTraits(IReadOnlyList<Clause> clauses)
    {
        // Roles the document itself defines ("署長補佐又は課長補佐を、情報セキュリティ管理者とする。"), longest first.
        DefinedRoles = clauses
            .SelectMany(c => Definition().Matches(c.Text).Select(m => m.Groups[1].Value))
            .Select(r => r.Split('の', '、')[^1])
            .Where(r => r.Length >= 3)
            .Distinct().OrderByDescending(r => r.Length).ToArray();
        _traits = clauses.Select(c =>
        {
            var definition = Definition().Match(c.Text);
            var staff = c.Text.StartsWith("職員等", StringComparison.Ordinal);
            var staffHeading = c.HeadingPath.Count > 0 && c.HeadingPath[^1].Contains("職員等", StringComparison.Ordinal);
            var roleSubject = StartsWithRole(c.Text);
            return new Trait(
                definition.Success ? definition.Groups[1].Value.Split('の', '、')[^1] : null,
                Approval().IsMatch(c.Text),
                roleSubject,
                WhatClause().IsMatch(c.Text),
                NegativeCondition().IsMatch(string.Join("", c.HeadingPath)),
                staff,
                Frequency().IsMatch(c.Text),
                Permits().IsMatch(c.Text),
                (staff || staffHeading) && StaffResponse().IsMatch(c.Text),
                Prohibition().IsMatch(c.Text),
                Classification().IsMatch(c.Text),
                // A matrix of rules by kind of information (別表2: 保管・転送・破棄… for 住民情報 | 通常業務の情報 | 公開された情報).
                Retrieval.Passages.TableColumns(c.Text).Any(),
                // Staff must tell someone (職員等は、…報告しなければならない; パスワードが流出したおそれがある場合には、…管理者に
                // 速やかに報告し), not a role (…管理者は) or whoever received a report.
                c.Text.Contains("報告", StringComparison.Ordinal) && !c.Text.Contains("報告を受け", StringComparison.Ordinal)
                    && (staff || staffHeading || (!roleSubject && c.Text.Contains("おそれがある場合", StringComparison.Ordinal))),
                c.Text.Contains("から報告を受けた", StringComparison.Ordinal));
        }).ToArray();
    }

    public string[] DefinedRoles { get; }

    public Trait this[int clauseOrdinal] => _traits[clauseOrdinal];

    /// <summary>The role a question names itself, or else one its everyday words stand for.</summary>
    public string? AskedRole(string question, string expanded) =>
        DefinedRoles.FirstOrDefault(r => question.Contains(r, StringComparison.OrdinalIgnoreCase))
        ?? DefinedRoles.FirstOrDefault(r => expanded.Contains(r, StringComparison.OrdinalIgnoreCase));

    public static bool AsksNegative(string question) =>
        NegativeCondition().IsMatch(question) || question.Contains("扱わない", StringComparison.Ordinal);

    private bool StartsWithRole(string text)
    {
        var comma = text.IndexOf('は');
        if (comma < 3 || comma > 40) return false;
        var subject = text[..comma];
        return DefinedRoles.Any(r => subject.EndsWith(r, StringComparison.Ordinal)) || subject.EndsWith("CISO", StringComparison.Ordinal) || subject.EndsWith("委員会", StringComparison.Ordinal);
    }

    [GeneratedRegex("を、?([^。、を]{1,30})とする。")]
    private static partial Regex Definition();

    [GeneratedRegex("わない場合|ない場合|なし|ない[?？]?$|以外")]
    private static partial Regex NegativeCondition();

    // A table that says which information falls in which class (2(1) 分類基準, 別表1 情報の種別).
    [GeneratedRegex("分類基準|情報の種別")]
    private static partial Regex Classification();

    [GeneratedRegex("とは|をいう|分類基準|重要度")]
    private static partial Regex WhatClause();

    // A clause that says whose permission an act needs, or who decides on an application.
    [GeneratedRegex("(許可|承認)(を得|を受|権限者)|可否を決定|許可なく")]
    internal static partial Regex Permits();

    // What staff must do once something happened: report it, or follow the first-response steps.
    [GeneratedRegex("報告しなければならない|対応を行わなければならない")]
    private static partial Regex StaffResponse();

    [GeneratedRegex("許可|承認|報告")]
    private static partial Regex Approval();

    // How often something happens; 常に (always, as in 常に閲覧できる) is a state, not a frequency.
    [GeneratedRegex("毎年|毎月|毎週|定期|年1回|年度1回|回以上|ごとに")]
    private static partial Regex Frequency();

    [GeneratedRegex("てはならない|禁止|原則として(使用|利用|接続)?(しない|できない)|ないこと。")]
    internal static partial Regex Prohibition();
}
