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
    /// CSV with a header line "personId,courseId,completedOn" (yyyy-MM-dd), read by <see cref="TrainingCsv"/>. Bad lines
    /// are reported by line number and skipped; the others are imported.
    /// </summary>
    public ImportResult ImportCsv(TextReader csv, string importedBy)
    {
        var read = TrainingCsv.Read(csv);
        var result = Import(read.Rows, importedBy);
        return result with { Errors = [.. read.Errors.Concat(result.Errors).OrderBy(TrainingCsv.LineOf)] };
    }

    /// <summary>Records rows whose person is already the training key (the host maps and scope-checks directory ids
    /// first); a row naming an unknown course or a date that is not yyyy-MM-dd up to today is reported, not recorded.</summary>
    public ImportResult Import(IEnumerable<TrainingCsvRow> rows, string importedBy)
    {
        var errors = new List<string>();
        int imported = 0, duplicates = 0;
        var today = Today;
        foreach (var row in rows)
        {
            if (planner.Course(row.CourseId) is null)
            {
                errors.Add($"{row.LineNumber}行目: 研修ID「{Shorten(row.CourseId)}」は設定にありません。");
            }
            else if (!DateOnly.TryParseExact(row.CompletedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) || date > today)
            {
                errors.Add($"{row.LineNumber}行目: 受講日は yyyy-MM-dd 形式の今日までの日付にしてください。");
            }
            else if (store.Record(new TrainingCompletion
            {
                PersonId = row.PersonId, CourseId = row.CourseId, CompletedOn = date, Source = "csv", RecordedBy = importedBy, RecordedAt = time.GetUtcNow(),
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

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
