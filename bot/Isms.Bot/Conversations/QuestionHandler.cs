using Isms.Bot.Cards;
using Isms.Knowledge;
using Isms.Workflows.Forms;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Isms.Bot.Conversations;

/// <summary>
/// Answers a question from the policy with its clauses cited, or tells the router which form the words ask for.
/// The previous question and its clauses are kept so that a follow-up ("それって誰に許可もらうの？") keeps its subject.
/// </summary>
public sealed class QuestionHandler(IPolicyAnswerer knowledge, FormCatalog forms, AnswerLog answers, TimeProvider clock, ILogger<QuestionHandler> logger)
{
    /// <summary>Answers the question; returns the form to start when the words ask for one.</summary>
    public async Task<FormKind?> AnswerAsync(ITurnContext<IMessageActivity> turnContext, ConversationData data, string question, CancellationToken cancellationToken)
    {
        var context = data.LastQuestion is null ? null : new AnswerContext(data.LastQuestion, data.LastClauseIds);
        var answer = await knowledge.AnswerAsync(question, context, cancellationToken);
        logger.LogInformation("Answered a question: intent {Intent}, {Citations} citations, LLM {FromLlm}",
            answer.Intent, answer.Citations.Count, answer.FromLlm);

        if (ProcedureFor(answer.Intent) is { } form)
        {
            return form.Kind;
        }

        var clauseIds = answer.Citations.Select(c => c.Clause.Id).ToList();
        var answerId = answers.Record(turnContext.Activity.From.Id, question, answer.Intent.ToString(), clauseIds, clock.GetUtcNow());
        if (answer.Intent == PolicyIntent.Answer)
        {
            data.LastQuestion = question;
            data.LastClauseIds = clauseIds;
        }

        var card = AnswerCard.Create(answer, answerId);
        await turnContext.SendActivityAsync(CardAttachments.ToActivity(card, answer.Summary), cancellationToken);
        return null;
    }

    /// <summary>
    /// The one place where the knowledge library's intents name procedures, by the procedure's key; the other intents
    /// (Answer, OutOfScope) name none. When the knowledge library names procedures by their key itself, this table goes
    /// and the lookup becomes <c>forms.Find(answer.ProcedureKey)</c>.
    /// </summary>
    private static readonly Dictionary<PolicyIntent, string> ProcedureKeys = new()
    {
        [PolicyIntent.MisdeliveryReport] = "misdelivery_report",
        [PolicyIntent.TakeoutRequest] = "takeout_request",
        [PolicyIntent.WebMeetingRequest] = "web_meeting_request",
        [PolicyIntent.CloudUseRequest] = "cloud_use_request",
        [PolicyIntent.IncidentReport] = "incident_report",
    };

    private FormDefinition? ProcedureFor(PolicyIntent intent) => ProcedureKeys.TryGetValue(intent, out var key) ? forms.Find(key) : null;
}
