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

        // The knowledge library names a procedure by the key its definition carries.
        if (answer.Procedure is { } procedure && forms.Find(procedure.Key) is { } form)
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
}
