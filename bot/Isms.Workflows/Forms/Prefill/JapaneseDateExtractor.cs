using System.Text;
using System.Text.RegularExpressions;

namespace Isms.Workflows.Forms.Prefill;

/// <summary>Which way an incomplete date ("12月3日", "3日", "月曜") is resolved.</summary>
public enum DateDirection
{
    /// <summary>Plans: the next such date from today.</summary>
    Future,
    /// <summary>Events that happened: the latest such date up to today.</summary>
    Past,
}

/// <summary>A date range in the words: From alone for a single date.</summary>
public sealed record DateMention(DateOnly From, DateOnly? Until);

/// <summary>
/// Finds the dates in everyday Japanese: 今日, 明日, 明後日, 昨日, 来週月曜, 12月3日, 12/3, 2026年12月3日, and ranges
/// "3日から2日間", "明日から二日間", "明日から1泊2日", "12/3〜12/5", "明日から3日まで". Pure: "today" is passed in.
/// </summary>
public static partial class JapaneseDateExtractor
{
    private static readonly string[] Weekdays = ["日", "月", "火", "水", "木", "金", "土"];

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?<d>\d{1,2})日|(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})|(?<m>\d{1,2})月(?<d>\d{1,2})日|(?<![\d/])(?<m>\d{1,2})/(?<d>\d{1,2})(?![\d/])|(?<![\d月])(?<d>\d{1,2})日(?![間前後])|(?<rel>今日|本日|きょう|明後日|あさって|明日|あした|あす|一昨日|おととい|昨日|きのう|今朝|さっき|先ほど|先程)|(?<week>来週|今週|先週)?(?<wd>[日月火水木金土])曜")]
    private static partial Regex DatePattern();

    // "から2日間", "から二日間", "から1泊2日", and without から: "明日、2日間", "明日1泊2日で".
    [GeneratedRegex(@"^[\s、,]*(?:から|～|〜|~|－|-)?[\s、,]*(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})泊)?(?<n>\d{1,3}|[一二三四五六七八九十]{1,3})日(?:間)?(?![前後])")]
    private static partial Regex DurationAfter();

    [GeneratedRegex(@"^\s*(?:から|～|〜|~|－|-)\s*")]
    private static partial Regex RangeJoiner();

    [GeneratedRegex(@"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})泊)?(?:\d{1,3}|[一二三四五六七八九十]{1,3})日間|(?:\d{1,2}|[一二三四五六七八九十]{1,2})泊(?:\d{1,3}|[一二三四五六七八九十]{1,3})日")]
    private static partial Regex Duration();

    public static DateMention? Extract(string text, DateOnly today, DateDirection direction)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC);
        var matches = DatePattern().Matches(normalized);
        for (var i = 0; i < matches.Count; i++)
        {
            if (Resolve(matches[i], today, direction) is not { } from)
            {
                continue;
            }

            var rest = normalized[(matches[i].Index + matches[i].Length)..];
            if (DurationAfter().Match(rest) is { Success: true } duration && IsDuration(duration.Value)
                && ParseNumber(duration.Groups["n"].Value) is { } days && days >= 1)
            {
                return new DateMention(from, from.AddDays(days - 1));
            }

            if (i + 1 < matches.Count
                && RangeJoiner().Match(rest) is { Success: true } joiner
                && matches[i + 1].Index == matches[i].Index + matches[i].Length + joiner.Length
                && Resolve(matches[i + 1], from, DateDirection.Future) is { } until)
            {
                return new DateMention(from, until);
            }

            return new DateMention(from, null);
        }

        return null;
    }

    /// <summary>The text with every date and length of days replaced by a comma, for reading what else it says.</summary>
    public static string Blank(string text) =>
        Duration().Replace(DatePattern().Replace(text, "、"), "、");

    /// <summary>"2日間" and "1泊2日" are lengths; a bare "3日" after から is the day it ends ("明日から3日まで").</summary>
    private static bool IsDuration(string text) => text.Contains("日間", StringComparison.Ordinal) || text.Contains('泊');

    /// <summary>1 to 999 in digits, or 一 to 三十九 in kanji (二日間).</summary>
    private static int? ParseNumber(string text)
    {
        if (int.TryParse(text, out var number))
        {
            return number;
        }

        const string Digits = "一二三四五六七八九";
        var tens = text.IndexOf('十', StringComparison.Ordinal);
        if (tens < 0)
        {
            return text.Length == 1 ? Digits.IndexOf(text[0], StringComparison.Ordinal) + 1 : null;
        }

        var high = tens == 0 ? 1 : Digits.IndexOf(text[0], StringComparison.Ordinal) + 1;
        var low = tens == text.Length - 1 ? 0 : Digits.IndexOf(text[^1], StringComparison.Ordinal) + 1;
        return high > 0 && low >= 0 ? high * 10 + low : null;
    }

    private static DateOnly? Resolve(Match match, DateOnly today, DateDirection direction)
    {
        if (match.Groups["rel"].Success)
        {
            return match.Groups["rel"].Value switch
            {
                "明後日" or "あさって" => today.AddDays(2),
                "明日" or "あした" or "あす" => today.AddDays(1),
                "一昨日" or "おととい" => today.AddDays(-2),
                "昨日" or "きのう" => today.AddDays(-1),
                _ => today,
            };
        }

        if (match.Groups["wd"].Success)
        {
            return ResolveWeekday(match.Groups["week"].Value, Array.IndexOf(Weekdays, match.Groups["wd"].Value), today, direction);
        }

        var day = int.Parse(match.Groups["d"].Value);
        if (match.Groups["y"].Success)
        {
            return TryDate(int.Parse(match.Groups["y"].Value), int.Parse(match.Groups["m"].Value), day);
        }

        if (match.Groups["m"].Success)
        {
            var month = int.Parse(match.Groups["m"].Value);
            var candidate = TryDate(today.Year, month, day);
            return (candidate, direction) switch
            {
                (null, _) => null,
                ({ } c, DateDirection.Future) when c < today => TryDate(today.Year + 1, month, day),
                ({ } c, DateDirection.Past) when c > today => TryDate(today.Year - 1, month, day),
                _ => candidate,
            };
        }

        var thisMonth = TryDate(today.Year, today.Month, day);
        return (thisMonth, direction) switch
        {
            ({ } c, DateDirection.Future) when c < today => NextMonthDay(today, 1, day),
            ({ } c, DateDirection.Past) when c > today => NextMonthDay(today, -1, day),
            _ => thisMonth,
        };
    }

    /// <summary>来週X曜: that day of next week (weeks start on Monday); X曜 alone: the nearest one in the direction.</summary>
    private static DateOnly ResolveWeekday(string week, int weekday, DateOnly today, DateDirection direction)
    {
        var mondayOffset = ((int)today.DayOfWeek + 6) % 7;
        var thisMonday = today.AddDays(-mondayOffset);
        var dayInWeek = (weekday + 6) % 7;
        return week switch
        {
            "来週" => thisMonday.AddDays(7 + dayInWeek),
            "今週" => thisMonday.AddDays(dayInWeek),
            "先週" => thisMonday.AddDays(-7 + dayInWeek),
            _ when direction == DateDirection.Future => today.AddDays(((weekday - (int)today.DayOfWeek) + 7) % 7),
            _ => today.AddDays(-((((int)today.DayOfWeek - weekday) + 7) % 7)),
        };
    }

    private static DateOnly? NextMonthDay(DateOnly today, int months, int day)
    {
        var month = today.AddDays(1 - today.Day).AddMonths(months);
        return TryDate(month.Year, month.Month, day);
    }

    private static DateOnly? TryDate(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
}
