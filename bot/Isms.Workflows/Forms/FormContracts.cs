using System.Text.Json.Nodes;
using Isms.Workflows.Requests;

namespace Isms.Workflows.Forms;

/// <summary>The person using the bot, as the host knows them. Never taken from a card payload.</summary>
/// <param name="UserId">Teams user id.</param>
/// <param name="AadObjectId">Entra object id, when Teams supplies it.</param>
/// <param name="Name">Display name.</param>
/// <param name="Department">所属; null until the org directory exists, in which case the form asks for it.</param>
public sealed record Applicant(string UserId, string? AadObjectId, string Name, string? Department);

/// <summary>What the host sends back: messages in order, and the record when one was created.</summary>
public sealed record FormReply(IReadOnlyList<FormMessage> Messages, RequestRecord? CreatedRecord)
{
    public static FormReply Of(params FormMessage[] messages) => new(messages, null);
}

/// <summary>A plain text message, an Adaptive Card (full JSON, schema 1.5), or both.</summary>
public sealed record FormMessage(string? Text, JsonObject? Card)
{
    public static FormMessage FromText(string text) => new(text, null);

    public static FormMessage FromCard(JsonObject card) => new(null, card);
}
