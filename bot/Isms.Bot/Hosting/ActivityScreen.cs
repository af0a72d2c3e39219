using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Isms.Bot.Hosting;

/// <summary>Why an incoming activity was refused before reaching the SDK.</summary>
public sealed record ActivityProblem(int StatusCode, string Reason);

/// <summary>
/// The one check of an activity's envelope, on the raw JSON before the SDK sees it (its Newtonsoft deserializer is
/// lenient, and a wrong shape would otherwise surface mid-turn as an exception). Every field the bot or the SDK reads
/// without a guard must be there with the type Teams sends; ids are short plain strings (they become storage keys:
/// LiteDB refuses index keys over 1,023 bytes, and two ids make one key); no string anywhere holds a character no
/// client sends (invalid UTF-8, a lone surrogate, a non-character, NUL). The reasons logged name fields, never values.
/// </summary>
public static class ActivityScreen
{
    /// <summary>Teams ids are under 200 characters; two of them and a separator stay under LiteDB's key limit.</summary>
    public const int MaxIdBytes = 256;

    public static ActivityProblem? Check(byte[] body, bool authEnabled)
    {
        if (!Utf8.IsValid(body))
        {
            return Bad("the body is not valid UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException)
        {
            return Bad("the body is not valid JSON");
        }

        using (document)
        {
            try
            {
                return CheckActivity(document.RootElement, authEnabled);
            }
            catch (InvalidOperationException)
            {
                // GetString throws on an escaped lone surrogate ("\ud800").
                return Bad("the activity has a string that is not valid Unicode");
            }
        }
    }

    private static ActivityProblem? CheckActivity(JsonElement root, bool authEnabled)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Bad("the body is not a JSON object");
        }

        if (!TryGet(root, "type", out var type) || type.ValueKind != JsonValueKind.String || !IsPlainName(type.GetString()!))
        {
            return Bad("the activity has no type");
        }

        if (!HasOnlyClientCharacters(root))
        {
            return Bad("the activity has a string with a character no client sends (a non-character, a lone surrogate or NUL)");
        }

        if (!TryGet(root, "conversation", out var conversation) || conversation.ValueKind != JsonValueKind.Object
            || !TryGet(conversation, "id", out var conversationId) || conversationId.ValueKind != JsonValueKind.String
            || conversationId.GetString() is not { Length: > 0 })
        {
            return Bad("the activity has no conversation id");
        }

        if (!TryGet(root, "serviceUrl", out var serviceUrl) || serviceUrl.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(serviceUrl.GetString(), UriKind.Absolute, out var serviceUri)
            || serviceUri.Scheme is not ("http" or "https"))
        {
            return Bad("the activity has no valid serviceUrl");
        }

        var problem = Id(root, "channelId", required: true)
            ?? Id(conversation, "id", required: true, "conversation.")
            ?? Id(conversation, "tenantId", required: false, "conversation.")
            ?? Field(conversation, "conversationType", required: false, JsonValueKind.String, "conversation.")
            ?? Account(root, "from", required: true)
            ?? Account(root, "recipient", required: false)
            ?? Id(root, "id", required: false)
            ?? Id(root, "replyToId", required: false)
            ?? Field(root, "text", required: false, JsonValueKind.String)
            ?? Field(root, "name", required: false, JsonValueKind.String)
            ?? ChannelData(root)
            ?? Members(root, "membersAdded")
            ?? Members(root, "membersRemoved")
            ?? Entities(root)
            ?? ObjectArray(root, "attachments")
            ?? CardAction(root, type.GetString()!);
        if (problem is not null)
        {
            return Bad(problem);
        }

        // Without authentication anyone who reaches the port could make the bot post to any URL: keep replies
        // on this machine until an app id is configured.
        if (!authEnabled && !serviceUri.IsLoopback)
        {
            return new ActivityProblem(StatusCodes.Status403Forbidden, "authentication is off, so only a loopback serviceUrl is accepted");
        }

        return null;
    }

    private static string? ChannelData(JsonElement root)
    {
        if (Field(root, "channelData", required: false, JsonValueKind.Object) is { } problem)
        {
            return problem;
        }

        if (!TryGet(root, "channelData", out var channelData))
        {
            return null;
        }

        foreach (var name in (string[])["tenant", "team", "channel"])
        {
            var inner = Field(channelData, name, required: false, JsonValueKind.Object, "channelData.")
                ?? (TryGet(channelData, name, out var part) ? Id(part, "id", required: false, $"channelData.{name}.") : null);
            if (inner is not null)
            {
                return inner;
            }
        }

        return null;
    }

    private static string? Members(JsonElement root, string name)
    {
        if (ObjectArray(root, name) is { } problem)
        {
            return problem;
        }

        return TryGet(root, name, out var members)
            ? members.EnumerateArray().Select(m => Id(m, "id", required: true, $"{name}[].") ?? Id(m, "aadObjectId", required: false, $"{name}[].")).FirstOrDefault(p => p is not null)
            : null;
    }

    /// <summary>A mention names an account (the SDK reads it when removing the bot's @mention from the text).</summary>
    private static string? Entities(JsonElement root)
    {
        if (ObjectArray(root, "entities") is { } problem)
        {
            return problem;
        }

        if (!TryGet(root, "entities", out var entities))
        {
            return null;
        }

        foreach (var entity in entities.EnumerateArray())
        {
            if (Field(entity, "type", required: false, JsonValueKind.String, "entities[].") is { } badType)
            {
                return badType;
            }

            if (TryGet(entity, "type", out var entityType) && entityType.GetString() == "mention"
                && (Account(entity, "mentioned", required: true, "entities[].") ?? Field(entity, "text", required: false, JsonValueKind.String, "entities[].")) is { } badMention)
            {
                return badMention;
            }
        }

        return null;
    }

    /// <summary>A Universal Action (invoke adaptiveCard/action) carries an action object whose data, if any, is an object.</summary>
    private static string? CardAction(JsonElement root, string type)
    {
        if (type != "invoke" || !TryGet(root, "name", out var name) || name.GetString() != "adaptiveCard/action")
        {
            return null;
        }

        if (Field(root, "value", required: true, JsonValueKind.Object) is { } problem)
        {
            return problem;
        }

        var value = root.GetProperty("value");
        if (Field(value, "action", required: true, JsonValueKind.Object, "value.") is { } noAction)
        {
            return noAction;
        }

        var action = value.GetProperty("action");
        return Field(action, "verb", required: true, JsonValueKind.String, "value.action.")
            ?? Field(action, "data", required: false, JsonValueKind.Object, "value.action.");
    }

    private static string? Account(JsonElement parent, string name, bool required, string prefix = "") =>
        Field(parent, name, required, JsonValueKind.Object, prefix)
        ?? (TryGet(parent, name, out var account)
            ? Id(account, "id", required: true, $"{prefix}{name}.") ?? Id(account, "aadObjectId", required: false, $"{prefix}{name}.")
              ?? Field(account, "name", required: false, JsonValueKind.String, $"{prefix}{name}.")
            : null);

    private static string? ObjectArray(JsonElement parent, string name) =>
        Field(parent, name, required: false, JsonValueKind.Array)
        ?? (TryGet(parent, name, out var array) && array.EnumerateArray().Any(e => e.ValueKind != JsonValueKind.Object)
            ? $"{name} has an item that is not an object"
            : null);

    /// <summary>An id: a string, not blank (empty only where optional), of at most <see cref="MaxIdBytes"/> UTF-8 bytes without control characters.</summary>
    private static string? Id(JsonElement parent, string name, bool required, string prefix = "")
    {
        if (Field(parent, name, required, JsonValueKind.String, prefix) is { } problem)
        {
            return problem;
        }

        if (!TryGet(parent, name, out var element))
        {
            return null;
        }

        var id = element.GetString()!;
        if ((id.Length == 0 && required) || (id.Length > 0 && string.IsNullOrWhiteSpace(id)))
        {
            return $"{prefix}{name} is empty";
        }

        if (Encoding.UTF8.GetByteCount(id) > MaxIdBytes)
        {
            return $"{prefix}{name} is longer than {MaxIdBytes} bytes";
        }

        return id.Any(char.IsControl) ? $"{prefix}{name} has a control character" : null;
    }

    /// <summary>Null when the field has the kind (or, unless required, is missing or null); else the reason.</summary>
    private static string? Field(JsonElement parent, string name, bool required, JsonValueKind kind, string prefix = "")
    {
        if (!TryGet(parent, name, out var element))
        {
            return required ? $"{prefix}{name} is missing" : null;
        }

        return element.ValueKind == kind ? null : $"{prefix}{name} is not {(kind == JsonValueKind.Object ? "an object" : kind == JsonValueKind.Array ? "an array" : "a string")}";
    }

    /// <summary>The property, unless it is missing or JSON null (which the SDK reads as missing).</summary>
    private static bool TryGet(JsonElement parent, string name, out JsonElement value) =>
        parent.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static bool IsPlainName(string type) => type.Length is > 0 and <= 64 && type.All(char.IsAsciiLetter);

    private static bool HasOnlyClientCharacters(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => IsClientText(element.GetString()!),
        JsonValueKind.Array => element.EnumerateArray().All(HasOnlyClientCharacters),
        JsonValueKind.Object => element.EnumerateObject().All(p => IsClientText(p.Name) && HasOnlyClientCharacters(p.Value)),
        _ => true,
    };

    /// <summary>False for NUL, a lone surrogate or a non-character (U+FDD0–U+FDEF, U+xFFFE/U+xFFFF): text no client
    /// sends, and some of it makes normalization (NFKC) throw.</summary>
    private static bool IsClientText(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int codePoint;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || c == '\0')
            {
                return false;
            }
            else
            {
                codePoint = c;
            }

            if (codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE)
            {
                return false;
            }
        }

        return true;
    }

    private static ActivityProblem Bad(string reason) => new(StatusCodes.Status400BadRequest, reason);
}
