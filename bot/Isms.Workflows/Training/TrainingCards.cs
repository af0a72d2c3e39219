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
            ["data"] = new JsonObject { ["isms"] = Verb, ["course"] = course.Id, ["op"] = CompleteOp },
        })
        .ToJson();

    /// <summary>A person's own 研修状況.</summary>
    public static JsonObject Status(PersonTrainingStatus status)
    {
        var card = new AdaptiveCard().Add(Text("研修状況", "Bolder", "Medium"));
        if (status.Courses.Count == 0)
        {
            card.Add(Text("現在、受講が必要な研修はありません。", null, null));
        }

        foreach (var c in status.Courses)
        {
            card.Add(new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    Fact("研修", c.Course.Title),
                    Fact("期限", $"{c.DueOn:yyyy年M月d日}"),
                    Fact("状況", TrainingReports.StateLabel(c))),
            });
        }

        return card.ToJson();
    }

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

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
