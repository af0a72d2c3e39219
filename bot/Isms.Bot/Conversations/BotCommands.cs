using Isms.Workflows.Forms;

namespace Isms.Bot.Conversations;

public enum BotCommand
{
    None,
    Help,
    MyRequests,
    IncidentStatus,
    StartForm,
    TrainingStatus,
    NotYetAvailable,
}

/// <summary>The commands of the manifest and the help card, as people type them (after width and case folding).</summary>
public static class BotCommands
{
    private static readonly Dictionary<string, FormKind> FormCommands = new(StringComparer.Ordinal)
    {
        ["誤送信報告"] = FormKind.MisdeliveryReport,
        ["持ち出し申請"] = FormKind.TakeoutRequest,
        ["持出申請"] = FormKind.TakeoutRequest,
        ["持ち出し"] = FormKind.TakeoutRequest,
        ["web会議申請"] = FormKind.WebMeetingRequest,
        ["クラウド利用申請"] = FormKind.CloudUseRequest,
        ["インシデント報告"] = FormKind.IncidentReport,
    };

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "ヘルプ", "help", "へるぷ", "?", "使い方", "メニュー" };
    private static readonly HashSet<string> MyRequestWords = new(StringComparer.Ordinal) { "申請状況", "申請一覧", "my requests" };
    private static readonly HashSet<string> TrainingWords = new(StringComparer.Ordinal) { "研修状況" };
    private static readonly HashSet<string> PlannedWords = new(StringComparer.Ordinal) { "クラウド台帳", "返却" };

    public static (BotCommand Command, FormKind? Form) Parse(string foldedText)
    {
        if (HelpWords.Contains(foldedText))
        {
            return (BotCommand.Help, null);
        }

        if (MyRequestWords.Contains(foldedText))
        {
            return (BotCommand.MyRequests, null);
        }

        if (foldedText is "インシデント状況" or "インシデント一覧")
        {
            return (BotCommand.IncidentStatus, null);
        }

        if (FormCommands.TryGetValue(foldedText, out var form))
        {
            return (BotCommand.StartForm, form);
        }

        if (TrainingWords.Contains(foldedText))
        {
            return (BotCommand.TrainingStatus, null);
        }

        return PlannedWords.Contains(foldedText) ? (BotCommand.NotYetAvailable, null) : (BotCommand.None, null);
    }
}
