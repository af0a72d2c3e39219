using System.Text;
using System.Text.RegularExpressions;

namespace Isms.Workflows.Forms;

/// <summary>
/// Which procedure (手続き) a draft or a record belongs to: the procedure's stable key, such as <c>takeout_request</c>
/// (the knowledge library's intents name procedures by it). A procedure declares its own kind in its definition, so a
/// new one needs no change here; the five below are the procedures that existed when this was an enum.
/// <para>Stored (LiteDB, the routing rules file) as <see cref="StoredName"/>, the PascalCase form of the key that the
/// enum used (<c>TakeoutRequest</c>): data written before it reads unchanged, and queries match old and new documents.</para>
/// </summary>
public readonly partial record struct FormKind : IComparable<FormKind>
{
    public static readonly FormKind MisdeliveryReport = new("misdelivery_report");
    public static readonly FormKind TakeoutRequest = new("takeout_request");
    public static readonly FormKind WebMeetingRequest = new("web_meeting_request");
    public static readonly FormKind CloudUseRequest = new("cloud_use_request");
    public static readonly FormKind IncidentReport = new("incident_report");

    private const string DefaultKey = "misdelivery_report";
    private readonly string? _key;

    public FormKind(string key)
    {
        if (key is null || !KeyPattern().IsMatch(key)) throw new ArgumentException($"A procedure key is lower-case words joined by '_': '{key}'.", nameof(key));
        _key = key;
    }

    /// <summary>The stable key: lower-case words joined by '_'. <c>default(FormKind)</c> is 誤送信報告, as the enum's first
    /// member was.</summary>
    public string Key => _key ?? DefaultKey;

    /// <summary>The key as stored: <c>takeout_request</c> → <c>TakeoutRequest</c>.</summary>
    public string StoredName => string.Concat(Key.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    public bool Equals(FormKind other) => Key == other.Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <summary>A kind from its key or its stored name; false for anything else (the procedure may still be unknown).</summary>
    public static bool TryParse(string? text, out FormKind kind)
    {
        kind = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var key = KeyPattern().IsMatch(text) ? text : StoredNamePattern().IsMatch(text) ? ToKey(text) : null;
        if (key is null) return false;
        kind = new FormKind(key);
        return true;
    }

    /// <summary>The kind of a stored name or key.</summary>
    /// <exception cref="FormatException">Neither a key nor a stored name.</exception>
    public static FormKind Parse(string text) => TryParse(text, out var kind) ? kind : throw new FormatException($"Not a procedure key: '{text}'.");

    /// <summary>Procedures sort in the order the catalog lists them (as the enum's members did), others after them by key.</summary>
    public int CompareTo(FormKind other)
    {
        var (mine, theirs) = (FormCatalog.Standard.Position(this), FormCatalog.Standard.Position(other));
        return mine != theirs ? mine.CompareTo(theirs) : string.CompareOrdinal(Key, other.Key);
    }

    public override string ToString() => StoredName;

    private static string ToKey(string storedName)
    {
        var key = new StringBuilder();
        foreach (var c in storedName)
        {
            if (char.IsUpper(c) && key.Length > 0) key.Append('_');
            key.Append(char.ToLowerInvariant(c));
        }

        return key.ToString();
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Z][a-z0-9]*([A-Z][a-z0-9]*)*$")]
    private static partial Regex StoredNamePattern();
}
