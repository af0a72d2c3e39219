namespace Isms.Knowledge;

/// <summary>The Japanese wording of offline answers.</summary>
public static class AnswerText
{
    public const string NotCovered = "対策基準には該当する規定がありません。";

    /// <param name="privateLife">The question is about private life with no tie to work (a home router, a private
    /// account): say so, rather than point to other departments' rules.</param>
    public static string OutOfScope(PolicyDocument doc, bool privateLife = false) => WithEdition(NotCovered + (privateLife
        ? "対策基準は組合の情報と機器についての決まりで、ご自宅の機器や個人のアカウントは対象になりません。業務で使う場合や業務の情報が関わる場合は、所属の情報セキュリティ管理者に確認してください。"
        : "情報セキュリティに関係するご質問でしたら、所属の情報セキュリティ管理者に確認してください。勤務・給与・物品などは担当課の規程をご確認ください。"), doc);

    /// <summary>The conclusion with the clauses it rests on, then related clauses that score close to the best.</summary>
    public static string Summarize(Answers.Conclusion conclusion, IReadOnlyList<Citation> citations, PolicyDocument doc)
    {
        var basis = conclusion.Exception is { } exception ? $"{conclusion.Deciding.Id}、{exception.Id}" : conclusion.Deciding.Id;
        var lines = new List<string> { $"{conclusion.Text}（{basis}）" };
        var top = citations.Count > 0 ? citations[0].Score : 0;
        foreach (var other in citations.Where(c => c.Clause != conclusion.Deciding && c.Clause != conclusion.Exception).Take(2).Where(c => c.Score >= top * 0.75))
            lines.Add($"関連: {Shorten(other.Clause.Text, 60)}（{other.Clause.Id}）");
        return WithEdition(string.Join("\n", lines), doc);
    }

    public static string FormOffer(Procedure procedure, IReadOnlyList<Citation> citations, PolicyDocument doc)
    {
        var basis = string.Join("、", citations.Where(c => c.Score >= 1.0).Select(c => c.Clause.Id));
        var text = $"{procedure.Name}のフォームを開始しますか？" + (basis.Length > 0 ? $"（根拠: {basis}）" : "");
        if (procedure.ClauseIds.Contains("6.4(3)⑦") && doc.FindClause("6.4(3)⑦") is { } firstResponse)
            text += $"\nウイルス感染の疑いがある場合は、まず初動対応を: {Shorten(firstResponse.Text, 120)}（{firstResponse.Id}）";
        return WithEdition(text, doc);
    }

    /// <summary>Every answer names the document and edition it was read from.</summary>
    public static string WithEdition(string text, PolicyDocument doc) => $"{text}\n出典: {doc.Title}（{doc.Edition}）";

    private static string Shorten(string text, int max = 140)
    {
        var firstLine = text.Split('\n')[0];
        return firstLine.Length <= max ? firstLine : firstLine[..max] + "…";
    }
}
