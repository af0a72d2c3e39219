using Newtonsoft.Json.Linq;

namespace Isms.Bot.Conversations;

/// <summary>
/// Reads a card's submitted data, which is untrusted JSON: a value of the wrong type (an object or array where text
/// is expected) reads as missing instead of throwing out of the turn.
/// </summary>
public static class CardData
{
    public static string? Text(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    public static bool? Flag(JObject data, string key) =>
        data[key] is JValue { Type: JTokenType.Boolean } value ? (bool)value : null;
}
