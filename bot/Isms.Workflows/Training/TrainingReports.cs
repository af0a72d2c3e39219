using System.Text;

namespace Isms.Workflows.Training;

/// <summary>A report to send: title and plain Japanese text.</summary>
public sealed record TrainingReport(string Title, string Text, string Clause);

/// <summary>The reports 5.2(2) asks for, built from the same statuses the 研修状況 view shows.</summary>
public static class TrainingReports
{
    public static string StateLabel(CourseStatus c) => c.State switch
    {
        TrainingState.Completed => $"受講済み（{c.CompletedOn:M月d日}）",
        TrainingState.Overdue => "未受講（期限超過）",
        _ => "未受講",
    };

    /// <summary>To each 情報セキュリティ管理者: the state of their 所属, overdue people by name (5.2(2)④).</summary>
    public static TrainingReport ForManager(DepartmentTrainingStatus d, DateOnly asOf) => new("研修の実施状況（所属）",
        DepartmentText(d, asOf).Append("実施状況を記録し、統括情報セキュリティ責任者及び情報セキュリティ責任者に報告してください（5.2(2)④）。").ToString(), "5.2(2)④");

    /// <summary>To the 情報セキュリティ責任者 of the 所属: the same state, as the 管理者's report reaches them (5.2(2)④).</summary>
    public static TrainingReport ForOfficer(DepartmentTrainingStatus d, DateOnly asOf) => new("研修の実施状況（所属・情報セキュリティ責任者あて）",
        DepartmentText(d, asOf).Append("情報セキュリティ管理者が記録した所属の研修の実施状況の報告です（5.2(2)④）。").ToString(), "5.2(2)④");

    private static StringBuilder DepartmentText(DepartmentTrainingStatus d, DateOnly asOf)
    {
        var text = new StringBuilder()
            .AppendLine($"{d.Department}の研修実施状況（{asOf:yyyy年M月d日}現在）")
            .AppendLine($"受講済み {d.Completed}/{d.Required}件（{Percent(d.CompletionRate)}）、期限超過 {d.Overdue}件");
        foreach (var person in d.People.Where(p => p.Overdue.Any()).OrderBy(p => p.Person.Name, StringComparer.Ordinal))
        {
            text.AppendLine($"・{person.Person.Name}: {string.Join("、", person.Overdue.Select(c => c.Course.Title))}");
        }

        return text;
    }

    /// <summary>To the 統括: per 所属 and per course, for analysis and the report to the CISO (5.2(2)⑤). No names.</summary>
    public static TrainingReport ForChiefOfficer(IReadOnlyList<DepartmentTrainingStatus> departments, DateOnly asOf)
    {
        var text = new StringBuilder().AppendLine($"研修実施状況の集計（{asOf:yyyy年M月d日}現在）");
        AppendTotals(text, departments);
        text.AppendLine("所属別:");
        foreach (var d in departments.OrderBy(d => d.CompletionRate).ThenBy(d => d.Department, StringComparer.Ordinal))
        {
            text.AppendLine($"・{d.Department}: {Percent(d.CompletionRate)}（期限超過 {d.Overdue}件）");
        }

        text.Append("分析・評価のうえ、CISOへの報告に用いてください（5.2(2)⑤）。");
        return new("研修実施状況の集計", text.ToString(), "5.2(2)⑤");
    }

    /// <summary>To the CISO once a year, for the 情報セキュリティ委員会 (5.2(2)⑥), with the drills of the year (5.2(3)).</summary>
    public static TrainingReport ForCommittee(
        IReadOnlyList<DepartmentTrainingStatus> departments, IReadOnlyList<EmergencyDrill> drills, DateOnly fiscalYearStart, DateOnly asOf)
    {
        var text = new StringBuilder()
            .AppendLine($"令和{fiscalYearStart.Year - 2018}年度 情報セキュリティ研修の実施状況（{asOf:yyyy年M月d日}現在）");
        AppendTotals(text, departments);
        var held = drills.Where(d => d.HeldOn is not null).ToList();
        text.AppendLine($"緊急時対応訓練: 計画 {drills.Count}件、実施 {held.Count}件");
        foreach (var d in held)
        {
            text.AppendLine($"・{d.HeldOn:M月d日} {d.Title}（参加 {d.Participants}名）");
        }

        text.Append("情報セキュリティ委員会への年次報告にご利用ください（5.2(2)⑥）。");
        return new("研修実施状況（委員会報告用）", text.ToString(), "5.2(2)⑥");
    }

    /// <summary>"85%" whatever the host's culture.</summary>
    public static string Percent(double rate) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Round(rate * 100):0}%");

    private static void AppendTotals(StringBuilder text, IReadOnlyList<DepartmentTrainingStatus> departments)
    {
        var all = departments.SelectMany(d => d.People).SelectMany(p => p.Courses).ToList();
        var completed = all.Count(c => c.State == TrainingState.Completed);
        text.AppendLine($"全体: 受講済み {completed}/{all.Count}件（{Percent(all.Count == 0 ? 1 : (double)completed / all.Count)}）、期限超過 {all.Count(c => c.State == TrainingState.Overdue)}件");
        text.AppendLine("研修別:");
        foreach (var course in all.GroupBy(c => c.Course.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var done = course.Count(c => c.State == TrainingState.Completed);
            text.AppendLine($"・{course.First().Course.Title}: {done}/{course.Count()}件");
        }
    }
}
