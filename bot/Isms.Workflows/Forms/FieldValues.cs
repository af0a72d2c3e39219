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

    /// <summary>The 機密性 level of an answer: "3A", "3B" and "3C" are all 3 (2(1)); 0 when it is none of the levels.</summary>
    public static int ConfidentialityLevel(string? value) =>
        value switch
        {
            "1" or "2" or "3" => value[0] - '0',
            "3A" or "3B" or "3C" => 3,
            _ => 0,
        };

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
