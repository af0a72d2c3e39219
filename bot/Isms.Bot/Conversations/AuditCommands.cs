using Isms.Bot.Cards;
using Isms.Workflows.Audit;
using Isms.Workflows.Cards;
using Isms.Workflows.Org;
using Isms.Workflows.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using static Isms.Workflows.Cards.CardElements;

namespace Isms.Bot.Conversations;

/// <summary>
/// 監査ログ検証 and 監査ログ出力, for the roles of <see cref="AuditAccess"/> only. The export is written as a CSV file
/// into the data directory (see <see cref="AuditFileExport"/> for why not into the chat) and recorded in the trail.
/// </summary>
public sealed class AuditCommands(
    AuditTrail trail,
    OrgDirectoryService directory,
    IOptions<StorageOptions> storage,
    IWebHostEnvironment environment,
    TimeProvider clock,
    ILogger<AuditCommands> logger)
{
    public async Task VerifyAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await AuditorAsync(turnContext, cancellationToken) is null)
        {
            return;
        }

        var result = trail.Verify();
        logger.LogInformation("Audit trail verified on request: valid {IsValid}, {Count} entries", result.IsValid, result.EntryCount);
        await turnContext.SendActivityAsync(result.IsValid
            ? $"監査ログの検証: 正常です。全{result.EntryCount:N0}件の記録に改ざんは見つかりませんでした。"
            : $"監査ログの検証: 異常があります。{result.Problem}（連番{result.FirstBrokenSequence}、それより前の{result.EntryCount:N0}件は正常）。情報セキュリティ管理者と統括情報セキュリティ責任者に報告してください。",
            cancellationToken: cancellationToken);
    }

    public async Task ExportAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (await AuditorAsync(turnContext, cancellationToken) is not { } person)
        {
            return;
        }

        var file = AuditFileExport.Write(trail, DataDirectory(), clock.GetUtcNow());
        trail.Append(new AuditEvent("AuditExported", person.Id, person.Name, Clause: "9.1(6)", ActivityId: turnContext.Activity.Id,
            Detail: $"{file.FileName}（{file.EntryCount}件）"));
        logger.LogInformation("Audit trail exported: {FileName}, {Count} entries", file.FileName, file.EntryCount);
        var card = new AdaptiveCard()
            .Add(TextBlock("監査ログを出力しました", TextTone.Heading))
            .Add(FactSet(
            [
                ("件数", $"{file.EntryCount:N0}件"),
                ("検証", file.Verification.IsValid ? "正常" : $"異常あり（連番{file.Verification.FirstBrokenSequence}）"),
                ("ファイル名", file.FileName),
                ("保存場所", file.Path),
            ]))
            .Add(TextBlock("ボットからはファイルを直接お送りできないため、ボットのサーバーのデータフォルダーに保存しました。"
                + "監査・自己点検に使うときは、システム管理者にこのファイルの受け渡しを依頼してください（UTF-8、Excel で開けます）。"))
            .Add(TextBlock(FormCardRenderer.CitationText(["9.1(6)", "9.2(2)"]), TextTone.Help))
            .ToJson();
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, "監査ログの出力"), cancellationToken);
    }

    private async Task<Person?> AuditorAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var from = turnContext.Activity.From;
        var person = directory.Identify(from.AadObjectId, from.Id).Person;
        if (AuditAccess.MayAudit(directory.Current, person))
        {
            return person;
        }

        logger.LogInformation("Refused an audit command to someone without an auditing role");
        await turnContext.SendActivityAsync(
            "監査ログの検証・出力は、CISO、副CISO、統括情報セキュリティ責任者、情報システム管理者だけが行えます"
            + $"（根拠 {AuditAccess.Clauses}）。必要な場合は、これらの方に依頼してください。",
            cancellationToken: cancellationToken);
        return null;
    }

    private string DataDirectory()
    {
        var configured = storage.Value.DataDirectory;
        return Path.IsPathRooted(configured) ? configured : Path.Combine(environment.ContentRootPath, configured);
    }
}
