using System.Text.Json.Nodes;
using Isms.Workflows.Cards;

namespace Isms.Workflows.Training;

/// <summary>Cards for training: the confirmation a member of staff submits, and their 研修状況.</summary>
public static class TrainingCards
{
    public const string Verb = "training";
    public const string CompleteOp = "complete";

    /// <summary>"受講しました" card for one course (Adaptive Card 1.5, Action.Submit).</summary>
    public static JsonObject Completion(TrainingCourse course, DateOnly dueOn) => new AdaptiveCard()
        .Add(Text(course.Title, "Bolder", "Medium"))
        .Add(Text($"受講期限: {dueOn:yyyy年M月d日}（{course.Clause}）", null, null))
        .Add(Text("受講が終わったら、下のボタンで受講を記録してください。", null, null))
        .AddAction(new JsonObject
        {
            ["type"] = "Action.Submit",
            ["title"] = "受講しました",
            ["data"] = CompletionData(course.Id),
        })
        .ToJson();

    /// <summary>Most people listed on a 所属's card; the monthly report (5.2(2)④) has everyone.</summary>
    public const int MaxPeopleOnCard = 40;

    /// <summary>A person's own 研修状況 (5.2): each course with its due date, state and clause, and 受講しました for
    /// the ones not yet recorded.</summary>
    public static JsonObject Status(PersonTrainingStatus status)
    {
        var card = new AdaptiveCard()
            .Add(Text("研修状況", "Bolder", "Medium"))
            .Add(CardElements.TextBlock("情報セキュリティ研修の受講状況です（対策基準 5.2）。", TextTone.Help));
        if (status.Courses.Count == 0)
        {
            card.Add(Text("現在、受講が必要な研修はありません。", null, null));
        }

        foreach (var c in status.Courses.OrderBy(c => c.State == TrainingState.Completed).ThenBy(c => c.DueOn))
        {
            var items = new List<JsonObject>
            {
                CardElements.FactSet([("研修", c.Course.Title), ("期限", $"{c.DueOn:yyyy年M月d日}"), ("状況", TrainingReports.StateLabel(c)), ("根拠", c.Course.Clause)]),
            };
            if (c.State != TrainingState.Completed)
            {
                items.Add(CardElements.ActionSet([CardElements.SubmitAction("受講しました", CompletionData(c.Course.Id))]));
            }

            card.Add(CardElements.Container(items, separator: true));
        }

        return card.ToJson();
    }

    /// <summary>The 研修状況 of a 所属 for its 情報セキュリティ管理者 (5.2(2)④): totals, then people with overdue
    /// courses first.</summary>
    public static JsonObject DepartmentStatus(DepartmentTrainingStatus department, DateOnly asOf)
    {
        var card = new AdaptiveCard()
            .Add(Text($"{department.Department}の研修状況", "Bolder", "Medium"))
            .Add(CardElements.TextBlock($"{asOf:yyyy年M月d日}現在。情報セキュリティ管理者は所属の研修実施状況を記録し、報告します（対策基準 5.2(2)④）。", TextTone.Help))
            .Add(CardElements.FactSet([
                ("受講済み", $"{department.Completed}/{department.Required}件（{TrainingReports.Percent(department.CompletionRate)}）"),
                ("期限超過", $"{department.Overdue}件"),
                ("対象者", $"{department.People.Count}名"),
            ]));
        var people = department.People
            .OrderByDescending(p => p.Overdue.Count())
            .ThenBy(p => p.Courses.All(c => c.State == TrainingState.Completed))
            .ThenBy(p => p.Person.Name, StringComparer.Ordinal)
            .ToList();
        card.Add(CardElements.Container(
            [CardElements.FactSet(people.Take(MaxPeopleOnCard).Select(p => (p.Person.Name, PersonSummary(p))))], separator: true));
        if (people.Count > MaxPeopleOnCard)
        {
            card.Add(CardElements.TextBlock($"ほか{people.Count - MaxPeopleOnCard}名は、毎月の実施状況の報告でご確認ください。", TextTone.Help));
        }

        return card.ToJson();
    }

    private static string PersonSummary(PersonTrainingStatus p) =>
        p.Courses.Count == 0 ? "対象の研修なし"
        : p.Overdue.Any() ? "期限超過: " + string.Join("、", p.Overdue.Select(c => c.Course.Title))
        : p.Courses.All(c => c.State == TrainingState.Completed) ? "すべて受講済み"
        : $"未受講 {p.Courses.Count(c => c.State == TrainingState.Pending)}件（期限内）";

    private static JsonObject CompletionData(string courseId) => new() { ["isms"] = Verb, ["course"] = courseId, ["op"] = CompleteOp };

    /// <summary>The course id of a completion submit, or null when the data is not one.</summary>
    public static string? CompletedCourse(JsonObject? data) =>
        data is not null
        && data["isms"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)data["isms"] == Verb
        && data["op"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)data["op"] == CompleteOp
        && data["course"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? (string?)data["course"]
            : null;

    private static JsonObject Text(string text, string? weight, string? size)
    {
        var block = new JsonObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        return block;
    }

}
