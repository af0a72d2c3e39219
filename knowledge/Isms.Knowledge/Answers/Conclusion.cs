using System.Text.RegularExpressions;

namespace Isms.Knowledge.Answers;

/// <summary>What the deciding clause says about the question: a prohibition, a permission someone must give, a duty,
/// a definition, or information.</summary>
public enum Verdict { Prohibited, NeedsPermission, Required, Defined, Informative }

/// <summary>
/// The answer in one or two plain sentences, written from the deciding clause's own wording (polite form, staff's
/// subject dropped, never cut before the actionable part), with the clause it comes from.
/// </summary>
/// <param name="PermissionFrom">Whose permission the act needs, as the policy names the role (情報セキュリティ管理者),
/// so the host can name the person for this staff member.</param>
/// <param name="Exception">A clause that allows what <paramref name="Deciding"/> forbids (5.1(1)④(イ) for ④(ア)).</param>
public sealed record Conclusion(Verdict Verdict, string Text, Clause Deciding, string? PermissionFrom, Clause? Exception = null);

/// <summary>Writes the <see cref="Conclusion"/> of an answer offline.</summary>
public static partial class ConclusionWriter
{
    private const int MaxSentences = 2;

    /// <param name="question">The question with its policy terms: picks the rows of a table that answer it.</param>
    public static Conclusion Write(IReadOnlyList<Citation> citations, PolicyDocument document, bool asksMayI, string? question = null)
    {
        var top = citations[0].Clause;
        // When the rule is a prohibition with an exception, the prohibition leads: "may I use my own PC?" is answered
        // by 5.1(1)④(ア) (原則使用してはならない) before ④(イ) (…の許可を得たうえで). A sibling duty that permits
        // nothing is no exception: 5.1(1)⑦ (離席時は第三者に閲覧されないように) leads on its own, before ⑥.
        var prohibition = !Prohibits(top.Text) && PermissionFrom(top.Text) is not null ? ProhibitingSibling(top, citations, document) : null;
        var deciding = prohibition ?? top;
        var exception = prohibition is not null ? top : null;
        var verdict = VerdictOf(deciding.Text);
        var permissionFrom = PermissionFrom(deciding.Text) ?? (exception is null ? null : PermissionFrom(exception.Text));
        // A table is quoted by the rows that answer, never as one long run of cells.
        var prose = string.Join("\n", deciding.Text.Split('\n').Where(l => !TableRows.IsTableLine(l)));
        var sentences = Sentences(prose).Take(MaxSentences).Select(Polite).ToList();
        var rows = question is null ? [] : TableRows.Answering(deciding.Text, question);
        if (rows.Count > 0 || (sentences.Count == 0 && TableRows.Caption(deciding.Text) is not null))
            sentences.Add($"「{TableRows.Caption(deciding.Text) ?? "表"}」の表では、" + (rows.Count > 0 ? string.Join("。", rows) + "。" : "区分ごとに定めています。"));
        if (exception is not null && PermissionFrom(exception.Text) is { } who && !sentences.Any(s => s.Contains(who, StringComparison.Ordinal)))
            sentences.Add($"やむを得ず使う場合は、{who}の許可が必要です。");
        var lead = (verdict, asksMayI) switch
        {
            (Verdict.Prohibited, true) => "いいえ、",
            (Verdict.NeedsPermission, true) => $"{permissionFrom}の許可があればできます。",
            _ => "",
        };
        var text = verdict == Verdict.Defined && Definition().Match(deciding.Text) is { Success: true } d
            ? $"{d.Groups["role"].Value.Trim()}は{d.Groups["who"].Value.Trim()}です。" + string.Concat(sentences.Skip(1))
            : lead + string.Concat(sentences);
        return new Conclusion(verdict, text, deciding, permissionFrom, exception);
    }

    public static Verdict VerdictOf(string clauseText)
    {
        var first = Sentences(clauseText).FirstOrDefault() ?? clauseText;
        if (Prohibits(first)) return Verdict.Prohibited;
        if (PermissionFrom(first) is not null) return Verdict.NeedsPermission;
        if (Definition().IsMatch(first)) return Verdict.Defined;
        if (Duty().IsMatch(first)) return Verdict.Required;
        return Verdict.Informative;
    }

    public static bool Prohibits(string text) => Prohibition().IsMatch(text);

    /// <summary>Whose permission the clause requires (情報セキュリティ管理者 of 「情報セキュリティ管理者の許可を得」).</summary>
    public static string? PermissionFrom(string text) =>
        Permission().Match(text) is { Success: true } m ? m.Groups["who"].Value : null;

    private static Clause? ProhibitingSibling(Clause top, IReadOnlyList<Citation> citations, PolicyDocument document)
    {
        var parent = ParentId(top.Id);
        if (parent is null) return null;
        return citations.Take(3).Select(c => c.Clause)
            .Concat(document.Clauses.Where(c => c.Id != top.Id && ParentId(c.Id) == parent))
            .FirstOrDefault(c => c.Id != top.Id && ParentId(c.Id) == parent && Prohibits(c.Text) && SharesSubject(c.Text, top.Text));
    }

    // The same thing is talked about when the two clauses share a good part of their longer words.
    private static bool SharesSubject(string a, string b)
    {
        var wordsA = Words().Matches(a).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        var wordsB = Words().Matches(b).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
        return wordsA.Count > 0 && wordsB.Count > 0 && wordsA.Intersect(wordsB).Count() >= 0.4 * Math.Min(wordsA.Count, wordsB.Count);
    }

    private static string? ParentId(string id)
    {
        var cut = id.LastIndexOfAny(['(', '①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯', '⑰', '⑱', '⑲', '⑳']);
        return cut > 0 ? id[..cut] : null;
    }

    public static IEnumerable<string> Sentences(string text) =>
        SentenceSplit().Matches(text.Replace("\n", "")).Select(m => m.Value.Trim()).Where(s => s.Length > 0);

    /// <summary>The clause's sentence in the polite form staff are spoken to in, without 「職員等は、」.</summary>
    public static string Polite(string sentence)
    {
        var s = StaffSubject().Replace(sentence, "");
        foreach (var (plain, polite) in Endings)
            if (s.EndsWith(plain, StringComparison.Ordinal))
                return s[..^plain.Length] + polite;
        return s;
    }

    private static readonly (string Plain, string Polite)[] Endings =
    [
        ("てはならない。", "てはいけません。"), ("ではならない。", "ではいけません。"),
        ("なければならない。", "なければなりません。"), ("ものとする。", "ことになっています。"),
        ("ことができる。", "ことができます。"), ("を有する。", "を持っています。"), ("とする。", "とします。"),
        ("する。", "します。"), ("行う。", "行います。"), ("ある。", "あります。"), ("いる。", "います。"),
        ("できる。", "できます。"), ("ない。", "ません。"), ("れる。", "れます。"),
    ];

    [GeneratedRegex("[^。]+。|[^。]+$")]
    private static partial Regex SentenceSplit();

    [GeneratedRegex("^(職員等|職員)(は|が)、?")]
    private static partial Regex StaffSubject();

    [GeneratedRegex("てはならない|ではならない|禁止(する|とする|されている)?。|してはいけない")]
    private static partial Regex Prohibition();

    [GeneratedRegex("(?<who>(CISO|副CISO|統括情報セキュリティ責任者|情報セキュリティ責任者|情報セキュリティ管理者|情報システム管理者|利用申請の許可権限者|許可権限者|[^、。を]{2,20}?))の(許可|承認)を(得|受)")]
    private static partial Regex Permission();

    [GeneratedRegex("^(?<who>[^、。]{1,30})を、?(?<role>[^、。を]{2,30})とする。")]
    private static partial Regex Definition();

    [GeneratedRegex("なければならない|ものとする|しなければならない|行う。|行わせる")]
    private static partial Regex Duty();

    [GeneratedRegex("[\\p{IsCJKUnifiedIdeographs}\\p{IsKatakana}A-Za-z]{2,}")]
    private static partial Regex Words();
}
