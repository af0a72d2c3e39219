namespace Isms.Knowledge;

/// <summary>What a message is: a question to answer, something the policy does not cover, or a procedure to start.</summary>
public enum PolicyIntent { Answer, OutOfScope, Procedure }

/// <summary>A clause behind an answer and how strongly it matched.</summary>
public sealed record Citation(Clause Clause, double Score);

/// <summary>The previous turn of the conversation, so that follow-ups ("それって誰に許可もらうの？") keep their subject.</summary>
public sealed record AnswerContext(string? PreviousQuestion, IReadOnlyList<string> PreviousClauseIds);

/// <summary>The answer: what to do (intent), a short Japanese summary, the clauses cited, and which edition it comes from.</summary>
public sealed record PolicyAnswer(
    PolicyIntent Intent,
    string Summary,
    IReadOnlyList<Citation> Citations,
    string DocumentTitle,
    string Edition,
    bool FromLlm)
{
    /// <summary>The procedure the message asks for when <see cref="Intent"/> is <see cref="PolicyIntent.Procedure"/>.</summary>
    public Procedure? Procedure { get; init; }

    /// <summary>For a report, started or offered (<see cref="OfferedProcedure"/>), the clauses whose first response it
    /// needs (6.4(3)⑦ a suspected virus, 5.4(2)④ a password given away), as the procedure classifier reads them; the
    /// report form's own word lists read the usual cases too.</summary>
    public IReadOnlyList<string> ReportClauses { get; init; } = [];

    /// <summary>For a question, the form the answer offers: a report the message may be telling of (its model is unsure,
    /// see <see cref="Ranking.ProcedureClassifier.ReportOfferFrom"/>), or a report or request the words name in a message
    /// that asks about the rules around it (see <see cref="Ranking.ProcedureClassifier.AskedVetoBelow"/>).</summary>
    public Procedure? OfferedProcedure { get; init; }

    /// <summary>The answer in plain sentences and the clause that decides it, when <see cref="Intent"/> is <see cref="PolicyIntent.Answer"/>.</summary>
    public Answers.Conclusion? Conclusion { get; init; }
}

public interface IPolicyAnswerer
{
    Task<PolicyAnswer> AnswerAsync(string question, AnswerContext? context, CancellationToken cancellationToken);

    /// <summary>Re-indexes with the shipped data and <paramref name="curation"/>; takes effect for the next question.</summary>
    CurationResult Apply(Curation curation);

    PolicyDocument Document { get; }
}
