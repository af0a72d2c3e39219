using Isms.Workflows.Forms;

namespace Isms.Bot.Conversations;

public enum BotCommand
{
    None,
    Help,
    MyRequests,
    WaitingApprovals,
    StartForm,
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
    private static readonly HashSet<string> WaitingApprovalWords = new(StringComparer.Ordinal) { "承認待ち", "承認待ち一覧", "pending approvals" };
    private static readonly HashSet<string> PlannedWords = new(StringComparer.Ordinal) { "クラウド台帳", "返却", "研修状況" };

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

        if (WaitingApprovalWords.Contains(foldedText))
        {
            return (BotCommand.WaitingApprovals, null);
        }

        if (FormCommands.TryGetValue(foldedText, out var form))
        {
            return (BotCommand.StartForm, form);
        }

        return PlannedWords.Contains(foldedText) ? (BotCommand.NotYetAvailable, null) : (BotCommand.None, null);
    }
}
