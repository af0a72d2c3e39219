using Isms.Workflows.Forms;

namespace Isms.Bot.Conversations;

public enum BotCommand
{
    None,
    Help,
    MyRequests,
    IncidentStatus,
    WaitingApprovals,
    StartForm,
    TrainingStatus,
    Withdraw,
    CloudRegister,
    TakeoutReturn,
    AuditVerify,
    AuditExport,
    TrainingImport,
}

/// <summary>The commands of the manifest and the help card, as people type them (after width and case folding).</summary>
public static class BotCommands
{
    private static readonly Dictionary<string, FormKind> FormCommands = FormCatalog.Standard.All
        .SelectMany(d => d.CommandWords.Select(w => (Word: w, d.Kind)))
        .ToDictionary(x => x.Word, x => x.Kind, StringComparer.Ordinal);

    private static readonly HashSet<string> HelpWords = new(StringComparer.Ordinal) { "ヘルプ", "help", "へるぷ", "?", "使い方", "メニュー" };
    private static readonly HashSet<string> MyRequestWords = new(StringComparer.Ordinal) { "申請状況", "申請一覧", "my requests" };
    private static readonly Dictionary<string, BotCommand> WordCommands = new(StringComparer.Ordinal)
    {
        ["研修状況"] = BotCommand.TrainingStatus,
        ["クラウド台帳"] = BotCommand.CloudRegister,
        ["返却"] = BotCommand.TakeoutReturn,
        ["監査ログ検証"] = BotCommand.AuditVerify,
        ["監査ログ出力"] = BotCommand.AuditExport,
    };

    private static readonly string[] WithdrawWords = ["取り下げ", "取下げ", "取下"];
    private static readonly HashSet<string> WaitingApprovalWords = new(StringComparer.Ordinal) { "承認待ち", "承認待ち一覧", "pending approvals" };

    public static (BotCommand Command, FormKind? Form) Parse(string foldedText)
    {
        if (HelpWords.Contains(foldedText))
        {
            return (BotCommand.Help, null);
        }

        if (foldedText.StartsWith("研修記録取込", StringComparison.Ordinal))
        {
            return (BotCommand.TrainingImport, null);
        }

        if (MyRequestWords.Contains(foldedText))
        {
            return (BotCommand.MyRequests, null);
        }

        if (foldedText is "インシデント状況" or "インシデント一覧")
        {
            return (BotCommand.IncidentStatus, null);
        }

        if (WaitingApprovalWords.Contains(foldedText))
        {
            return (BotCommand.WaitingApprovals, null);
        }

        if (FormCommands.TryGetValue(foldedText, out var form))
        {
            return (BotCommand.StartForm, form);
        }

        if (WordCommands.TryGetValue(foldedText, out var command))
        {
            return (command, null);
        }

        if (WithdrawWords.Any(w => foldedText == w || foldedText.StartsWith(w + " ", StringComparison.Ordinal)))
        {
            return (BotCommand.Withdraw, null);
        }

        return (BotCommand.None, null);
    }

    /// <summary>The 受付番号 after 取り下げ (e.g. 持出-2026-0001), from the width-folded text; null when there is none.</summary>
    public static string? WithdrawTarget(string widthFoldedText)
    {
        var word = WithdrawWords.FirstOrDefault(w => widthFoldedText.StartsWith(w, StringComparison.Ordinal));
        var rest = word is null ? "" : widthFoldedText[word.Length..].Trim();
        return rest is { Length: > 0 and <= 40 } ? rest : null;
    }
}
