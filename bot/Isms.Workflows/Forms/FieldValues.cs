using System.Globalization;

namespace Isms.Workflows.Forms;

/// <summary>How answers are stored (ISO dates, HH:mm, "true"/"false", choice codes) and how they read in Japanese.</summary>
public static class FieldValues
{
    public const string True = "true";
    public const string False = "false";

    private static readonly string[] DayOfWeekNames = ["日", "月", "火", "水", "木", "金", "土"];

    public static bool TryParseDate(string value, out DateOnly date) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryParseTime(string value, out TimeOnly time) =>
        TimeOnly.TryParseExact(value, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string DisplayDate(DateOnly date) =>
        $"{date.Year}年{date.Month}月{date.Day}日（{DayOfWeekNames[(int)date.DayOfWeek]}）";

    public static string Display(FieldDefinition field, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "（未入力）";
        }

        return field.Type switch
        {
            FieldType.Choice => field.ChoiceTitle(value) ?? value,
            FieldType.Date when TryParseDate(value, out var date) => DisplayDate(date),
            FieldType.Confirmation => value == True ? "確認しました" : "未確認",
            _ => value,
        };
    }
}
