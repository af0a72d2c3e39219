using System.Globalization;
using System.Text.Json.Nodes;

namespace Isms.Workflows.Training;

public sealed record CompletionResult(bool Recorded, string Message);

public sealed record ImportResult(int Imported, int Duplicates, IReadOnlyList<string> Errors);

/// <summary>Records completions: staff confirming on a card, or an administrator importing a CSV.</summary>
public sealed class TrainingService(TrainingPlanner planner, TrainingStore store, TimeProvider time)
{
    private static readonly TimeSpan Japan = TimeSpan.FromHours(9);

    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(Japan).DateTime);

    /// <summary>The person tapped 受講しました. Only courses that apply to them are recorded.</summary>
    public CompletionResult CompleteFromCard(TrainingPerson person, JsonObject? data)
    {
        var courseId = TrainingCards.CompletedCourse(data);
        var course = courseId is null ? null : planner.Course(courseId);
        if (course is null || planner.Assignments(person, Today).All(a => a.Course.Id != course.Id))
        {
            return new(false, "この研修はあなたの受講対象として登録されていません。管理者にお問い合わせください。");
        }

        // Already recorded in this cycle (on another day, or imported): say so rather than record it twice.
        var current = planner.StatusOf(person, Today).Courses.FirstOrDefault(c => c.Course.Id == course.Id);
        if (current is { State: TrainingState.Completed, CompletedOn: { } doneOn })
        {
            return new(false, $"「{course.Title}」の受講は{doneOn:yyyy年M月d日}に記録済みです。");
        }

        var created = store.Record(new TrainingCompletion
        {
            PersonId = person.Id, CourseId = course.Id, CompletedOn = Today, Source = "card", RecordedBy = person.Id, RecordedAt = time.GetUtcNow(),
        });
        return new(created, created ? $"「{course.Title}」の受講を記録しました。" : $"「{course.Title}」の受講は記録済みです。");
    }

    /// <summary>
    /// CSV with a header line "personId,courseId,completedOn" (yyyy-MM-dd), UTF-8. Bad lines are reported by line number
    /// and skipped; the others are imported. No quoting: ids and dates contain no commas.
    /// </summary>
    public ImportResult ImportCsv(TextReader csv, string importedBy)
    {
        var errors = new List<string>();
        int imported = 0, duplicates = 0, lineNo = 0;
        var header = csv.ReadLine()?.TrimStart('\uFEFF').Replace(" ", "", StringComparison.Ordinal);
        lineNo++;
        if (!string.Equals(header, "personId,courseId,completedOn", StringComparison.OrdinalIgnoreCase))
        {
            return new(0, 0, ["1行目: 見出しは personId,courseId,completedOn にしてください。"]);
        }

        var today = Today;
        while (csv.ReadLine() is { } line)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (cells.Length != 3 || cells[0].Length == 0)
            {
                errors.Add($"{lineNo}行目: 3項目（personId, courseId, completedOn）が必要です。");
            }
            else if (planner.Course(cells[1]) is null)
            {
                errors.Add($"{lineNo}行目: 研修ID「{cells[1]}」は設定にありません。");
            }
            else if (!DateOnly.TryParseExact(cells[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > today)
            {
                errors.Add($"{lineNo}行目: 受講日は yyyy-MM-dd 形式の今日までの日付にしてください。");
            }
            else if (store.Record(new TrainingCompletion
            {
                PersonId = cells[0], CourseId = cells[1], CompletedOn = date, Source = "csv", RecordedBy = importedBy, RecordedAt = time.GetUtcNow(),
            }))
            {
                imported++;
            }
            else
            {
                duplicates++;
            }
        }

        return new(imported, duplicates, errors);
    }
}
