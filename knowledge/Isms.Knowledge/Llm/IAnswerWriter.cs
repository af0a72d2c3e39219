namespace Isms.Knowledge;

/// <summary>A short answer written by a language model, and the clause IDs it cites.</summary>
public sealed record WrittenAnswer(string Summary, IReadOnlyList<string> CitedIds);

/// <summary>Seam for an optional LLM that phrases the answer from the retrieved clauses only.</summary>
public interface IAnswerWriter
{
    /// <summary>Returns null on timeout or error, so the caller keeps the offline answer.</summary>
    Task<WrittenAnswer?> TryWriteAsync(string question, IReadOnlyList<Citation> retrieved, PolicyDocument document, CancellationToken cancellationToken);
}
