using System.Text;
using System.Text.RegularExpressions;
using Isms.Bot.Jobs;
using Isms.Workflows.Org;
using Isms.Workflows.Training;
using Microsoft.Bot.Builder;

namespace Isms.Bot.Training;

/// <summary>
/// 研修記録取込: an administrator pastes training records as CSV lines after the command word (the header
/// "personId,courseId,completedOn" first, personId being the directory's staff id such as E0001). The 統括情報セキュリティ
/// 責任者, CISO and 副CISO may import for everyone; a 情報セキュリティ管理者 for their own 所属 (5.2(2)④). Each
/// directory id is turned into the key training uses; unknown or out-of-scope people are reported by line.
/// </summary>
public sealed partial class TrainingImportCommand(OrgDirectoryService directory, TrainingService training, ILogger<TrainingImportCommand> logger)
{
    public const string CommandWord = "研修記録取込";

    /// <summary>Longest import the bot reads in one message (the router caps messages at 4,000 characters anyway).</summary>
    public const int MaxLines = 500;

    private static readonly OrgRole[] UnionWide = [OrgRole.ChiefSecurityOfficer, OrgRole.Ciso, OrgRole.DeputyCiso];

    /// <summary>Who may import: the union-wide roles, and a 管理者 for their own 所属.</summary>
    public static readonly IReadOnlyList<OrgRole> Roles = [.. UnionWide, OrgRole.SecurityManager];

    public async Task ImportAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        var current = directory.Current;
        var from = turnContext.Activity.From;
        var importer = directory.Identify(from?.AadObjectId, from?.Id).Person;
        var scope = importer is null ? null : ScopeOf(importer, current);
        if (importer is null || scope is null)
        {
            await turnContext.SendActivityAsync(
                "研修記録の取込は、統括情報セキュリティ責任者・CISO・副CISO と、所属の情報セキュリティ管理者（自所属の分）だけが行えます。",
                cancellationToken: cancellationToken);
            return;
        }

        // Teams may send pasted lines as <br> or <p> markup rather than line breaks. The command word's line is left out;
        // the CSV parser reads the rest, so the lines checked below are the records that are imported.
        var plain = LineBreakMarkup().Replace(text, "\n");
        var csv = plain.Split(["\r\n", "\r", "\n"], 2, StringSplitOptions.None) is [_, var rest] ? rest : "";
        if (string.IsNullOrWhiteSpace(csv))
        {
            await turnContext.SendActivityAsync(
                $"「{CommandWord}」に続けて、改行して CSV を貼り付けてください。\n\n1行目は personId,courseId,completedOn、2行目から 例: E0001,annual,2026-10-01（personId は組織名簿の職員ID）",
                cancellationToken: cancellationToken);
            return;
        }

        var read = TrainingCsv.Read(new StringReader(csv));
        if (read.Rows.Count + read.Errors.Count > MaxLines)
        {
            await turnContext.SendActivityAsync($"一度に取り込めるのは{MaxLines}行までです。分けて送ってください。", cancellationToken: cancellationToken);
            return;
        }

        var (rows, refused) = ToTrainingKeys(read.Rows, current, scope);
        var result = training.Import(rows, StaffIdentity.KeyOf(importer));
        var errors = read.Errors.Concat(refused).Concat(result.Errors).OrderBy(TrainingCsv.LineOf).ToList();
        logger.LogInformation("Training import by directory person {PersonId}: {Imported} imported, {Duplicates} already recorded, {Errors} refused lines",
            importer.Id, result.Imported, result.Duplicates, errors.Count);
        var reply = new StringBuilder($"研修記録を取り込みました: 新規 {result.Imported}件、記録済み {result.Duplicates}件、取り込めなかった行 {errors.Count}件。");
        foreach (var error in errors.Take(20))
        {
            reply.Append("\n\n").Append(error);
        }

        if (errors.Count > 20)
        {
            reply.Append("\n\nほか").Append(errors.Count - 20).Append("件");
        }

        await turnContext.SendActivityAsync(reply.ToString(), cancellationToken: cancellationToken);
    }

    /// <summary>Null: may not import; empty: everyone; otherwise the 所属 they manage (or act for today).</summary>
    private IReadOnlySet<string>? ScopeOf(Person importer, OrgDirectory current)
    {
        var roles = current.RolesOf(importer.Id);
        if (roles.Any(r => UnionWide.Contains(r.Role)))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        var managed = TrainingStatusHandler.ManagedDepartments(importer, current, training.Today).ToHashSet(StringComparer.Ordinal);
        return managed.Count > 0 ? managed : null;
    }

    /// <summary>Every row scope-checked: its directory id becomes the person's training key; rows about people not in the
    /// directory or outside the importer's 所属 are left out and reported with their line number.</summary>
    private static (List<TrainingCsvRow> Rows, List<string> Refused) ToTrainingKeys(IReadOnlyList<TrainingCsvRow> read, OrgDirectory current, IReadOnlySet<string> scope)
    {
        var rows = new List<TrainingCsvRow>();
        var refused = new List<string>();
        foreach (var row in read)
        {
            var person = current.FindById(row.PersonId);
            if (person is null || (scope.Count > 0 && !scope.Contains(person.Department)))
            {
                refused.Add($"{row.LineNumber}行目: 職員ID「{Shorten(row.PersonId)}」は" + (person is null ? "組織名簿にありません。" : "あなたの所属の職員ではありません。"));
                continue;
            }

            rows.Add(row with { PersonId = StaffIdentity.KeyOf(person) });
        }

        return (rows, refused);
    }

    [GeneratedRegex("<br\\s*/?>|</?p>|</?div>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreakMarkup();

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
