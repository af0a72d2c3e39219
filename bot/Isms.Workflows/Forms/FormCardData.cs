using System.Text.Json;
using System.Text.Json.Nodes;

namespace Isms.Workflows.Forms;

/// <summary>
/// The data every form card puts on its <c>Action.Submit</c> buttons. The host routes an invoke/message whose value
/// has <c>"isms": "form"</c> to <see cref="FormService.HandleCardSubmit"/>:
/// <code>
/// { "isms": "form",            // routing marker
///   "op": "next" | "back" | "submit" | "cancel" | "resume" | "discard",
///   "draft": "&lt;draft id&gt;",     // 32 hex characters
///   "step": 0,                 // the step the card shows; the confirmation card uses the number of steps
///   "nonce": "&lt;nonce&gt;",        // one per rendered card: only the latest card of a draft is accepted
///   "restart": true,           // optional, on "discard": start the same form afresh afterwards
///   "f_&lt;fieldId&gt;": "…" }       // the card's inputs, merged in by the client
/// </code>
/// All of it is untrusted: it is parsed here and checked against the stored draft by the service.
/// </summary>
public static class FormCardData
{
    public const string Marker = "isms";
    public const string MarkerValue = "form";
    public const string InputPrefix = "f_";

    /// <summary>Stored values longer than this are cut: far beyond any field's limit, it only bounds what a tampered payload can store.</summary>
    public const int StoredValueCap = 20_000;

    public static string InputId(string fieldId) => InputPrefix + fieldId;

    public static JsonObject Action(FormOp op, string draftId, int step, string nonce) => new()
    {
        [Marker] = MarkerValue,
        ["op"] = OpName(op),
        ["draft"] = draftId,
        ["step"] = step,
        ["nonce"] = nonce,
    };

    public static string OpName(FormOp op) => op.ToString().ToLowerInvariant();

    public static bool IsFormPayload(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object
        && value.TryGetProperty(Marker, out var marker)
        && marker.ValueKind == JsonValueKind.String
        && marker.GetString() == MarkerValue;
}

public enum FormOp
{
    Next,
    Back,
    Submit,
    Cancel,
    Resume,
    Discard,
}

/// <summary>A parsed card payload. Inputs are read later, only for the fields the card actually showed.</summary>
public sealed record CardSubmission(FormOp Op, string DraftId, int Step, string Nonce, bool Restart, JsonElement Payload)
{
    public static CardSubmission? TryParse(JsonElement value)
    {
        if (!FormCardData.IsFormPayload(value)
            || !TryGetString(value, "op", out var opName)
            || !Enum.TryParse<FormOp>(opName, ignoreCase: true, out var op)
            || !opName.All(char.IsAsciiLetterLower)
            || !TryGetString(value, "draft", out var draftId)
            || draftId.Length != 32 || !draftId.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var step = -1;
        if (value.TryGetProperty("step", out var stepElement))
        {
            if (stepElement.ValueKind == JsonValueKind.Number && stepElement.TryGetInt32(out var number))
            {
                step = number;
            }
            else if (stepElement.ValueKind == JsonValueKind.String && int.TryParse(stepElement.GetString(), out var parsed))
            {
                step = parsed;
            }
        }

        var nonce = TryGetString(value, "nonce", out var n) && n.Length <= 64 ? n : "";
        var restart = value.TryGetProperty("restart", out var r) && r.ValueKind == JsonValueKind.True;
        return new CardSubmission(op, draftId, step, nonce, restart, value);
    }

    /// <summary>
    /// The value the card sent for a field: null when the input is absent (an empty input is not sent),
    /// or <paramref name="malformed"/> when it is not a string (clients send strings; anything else was tampered with).
    /// </summary>
    public string? ReadInput(string fieldId, out bool malformed)
    {
        malformed = false;
        if (!Payload.TryGetProperty(FormCardData.InputId(fieldId), out var element))
        {
            return null;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                var text = element.GetString()!.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
                return text.Length > FormCardData.StoredValueCap ? text[..FormCardData.StoredValueCap] : text;
            case JsonValueKind.True:
                return FieldValues.True;
            case JsonValueKind.False:
                return FieldValues.False;
            case JsonValueKind.Null:
                return null;
            default:
                malformed = true;
                return null;
        }
    }

    private static bool TryGetString(JsonElement value, string name, out string result)
    {
        result = "";
        if (value.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String)
        {
            result = element.GetString()!;
            return true;
        }

        return false;
    }
}
