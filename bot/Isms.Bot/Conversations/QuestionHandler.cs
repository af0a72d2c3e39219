using Isms.Bot.Cards;
using Isms.Knowledge;
using Isms.Workflows.Forms;
using Isms.Workflows.Forms.Prefill;
using Isms.Workflows.Org;
using Isms.Workflows.Procedures;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>
/// Answers a question from the policy with its clauses cited, or tells the router which form the words ask for.
/// The previous question and its clauses are kept so that a follow-up ("それって誰に許可もらうの？") keeps its subject.
/// The answer names, for someone in the 組織名簿, who the role it mentions is for them, and in the personal chat offers
/// the form the answer leads to.
/// </summary>
public sealed class QuestionHandler(
    IPolicyAnswerer knowledge,
    FormCatalog forms,
    AnswerLog answers,
    OrgDirectoryService directory,
    RoleContacts contacts,
    TimeProvider clock,
    FormsOptions formsOptions,
    ILogger<QuestionHandler> logger)
{
    /// <summary>Whom the not-covered answer tells people to ask (「所属の情報セキュリティ管理者に確認してください」).</summary>
    private static readonly string NotCoveredContactRole = OrgRole.SecurityManager.Label();

    /// <summary>Answers the question; returns the form to start when the words ask for one.</summary>
    public async Task<FormToStart?> AnswerAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, string question, CancellationToken cancellationToken)
    {
        var context = data.LastQuestion is null ? null : new AnswerContext(data.LastQuestion, data.LastClauseIds);
        var answer = await knowledge.AnswerAsync(question, context, cancellationToken);
        logger.LogInformation("Answered a question: intent {Intent}, {Citations} citations, LLM {FromLlm}, offered form {OfferedProcedure} ({ReportClauses})",
            answer.Intent, answer.Citations.Count, answer.FromLlm, answer.OfferedProcedure?.Key ?? "none", string.Join(",", answer.ReportClauses));

        // The knowledge library names a procedure by the key its definition carries.
        if (answer.Procedure is { } procedure && forms.Find(procedure.Key) is { } form)
        {
            return new FormToStart(form.Kind, answer.ReportClauses);
        }

        var clauseIds = answer.Citations.Select(c => c.Clause.Id).ToList();
        var answerId = answers.Record(turnContext.Activity.From.Id, question, answer.Intent.ToString(), clauseIds, clock.GetUtcNow());
        if (answer.Intent == PolicyIntent.Answer)
        {
            data.LastQuestion = question;
            data.LastClauseIds = clauseIds;
        }

        var from = turnContext.Activity.From;
        var person = directory.Identify(from.AadObjectId, from.Id).Person;
        var canStart = person is not null && PersonalChat.Is(turnContext);
        var (urgent, urgentClauses) = FirstResponse(answer, question, canStart);
        var extras = new AnswerCardExtras(answerId, Contact(answer, person), canStart ? NextSteps(answer) : null, urgent, urgentClauses);
        var card = AnswerCard.Create(answer, knowledge.Document, extras);
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, answer.Summary), cancellationToken);
        return null;
    }

    private string? Contact(PolicyAnswer answer, Person? person)
    {
        var role = answer.Intent == PolicyIntent.OutOfScope ? NotCoveredContactRole : answer.Conclusion?.PermissionFrom;
        return person is not null && role is not null ? contacts.For(person, role) : null;
    }

    /// <summary>For a message that may be an incident report, the first response its words call for (6.4(3)⑦ a virus,
    /// 5.4(2)④ a password given away or an account misused), as the report itself would show it: it cannot wait for the
    /// person to tap. Where the answer carries no start button (a channel, someone not in the directory), it says whom
    /// to report to.</summary>
    private (string? Notice, IReadOnlyCollection<string> Clauses) FirstResponse(PolicyAnswer answer, string question, bool canStart)
    {
        if (forms.Find(answer.OfferedProcedure?.Key) is not { } incident || incident.Kind != FormKind.IncidentReport)
        {
            return (null, []);
        }

        var report = canStart
            ? $"下の「{incident.Title}を始める」から報告してください。"
            : "所属の情報セキュリティ管理者に報告してください（このボットとの個人チャットでも報告できます）。";
        var notices = new List<string>();
        var shown = new List<string>();
        var clauses = PrefillExtractor.FirstResponseClauses(question, answer.ReportClauses);
        if (clauses.Contains(MalwareFirstResponse.Clause))
        {
            notices.Add(MalwareFirstResponse.Notice(formsOptions.MalwareFirstResponse, report));
            shown.Add(MalwareFirstResponse.Clause);
        }

        if (clauses.Contains(IncidentReportDefinition.PasswordClause))
        {
            notices.Add(IncidentReportDefinition.PasswordAnswerNotice(report));
            shown.Add(IncidentReportDefinition.PasswordClause);
        }

        return (notices.Count == 0 ? null : string.Join("\n", notices), shown);
    }

    /// <summary>The report the message may be telling of (a possible incident comes first: a miss costs more than a
    /// button), then the form whose procedure the deciding clause, the exception or the top citation belongs to.</summary>
    private IReadOnlyList<FormStart> NextSteps(PolicyAnswer answer)
    {
        if (answer.Intent != PolicyIntent.Answer || answer.Citations.Count == 0)
        {
            return [];
        }

        var candidates = new[] { answer.Conclusion?.Deciding.Id, answer.Conclusion?.Exception?.Id, answer.Citations[0].Clause.Id };
        var byClause = candidates.OfType<string>().Select(forms.LeadingTo).FirstOrDefault(d => d is not null);
        return new[] { forms.Find(answer.OfferedProcedure?.Key), byClause }.OfType<FormDefinition>().DistinctBy(d => d.Kind)
            .Select(d => new FormStart(d.Title, d.CommandWords.Count > 0 ? d.CommandWords[0] : d.Title)).ToList();
    }
}

/// <summary>The form the words ask for, and for a report the clauses whose first response it needs (see
/// <see cref="PolicyAnswer.ReportClauses"/>).</summary>
public sealed record FormToStart(FormKind Kind, IReadOnlyList<string> ReportClauses);
