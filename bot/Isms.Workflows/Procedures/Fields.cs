using Isms.Workflows.Forms;

namespace Isms.Workflows.Procedures;

/// <summary>Short constructors for field definitions, so each form reads as a list of questions.</summary>
internal static class Fields
{
    public const string Yes = "yes";
    public const string No = "no";

    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<ChoiceOption> YesNo = [new(Yes, "はい"), new(No, "いいえ")];

    /// <summary>For what a staff member may not know (personal data, a crime). A rule that fires on 「はい」 must say
    /// what 「分からない」 means; for incidents it counts as 「はい」 (the safe side).</summary>
    public static readonly IReadOnlyList<ChoiceOption> YesNoUnknown = [new(Yes, "はい"), new(No, "いいえ"), new(Unknown, "分からない")];

    /// <summary>The five classes of 2(1): 機密性3 split into 3A, 3B and 3C. The record keeps the class as answered
    /// and its level (3 for all three) for routing and chasing.</summary>
    public static readonly IReadOnlyList<ChoiceOption> ConfidentialityClasses =
    [
        new("3A", "機密性3A（秘密文書に相当する情報）"),
        new("3B", "機密性3B（漏えいで個人の権利利益を大きく損なう情報。住民情報・人事情報など）"),
        new("3C", "機密性3C（公表を前提とせず、取扱いに留意すべき情報）"),
        new("2", "機密性2（公表を前提としていない情報）"),
        new("1", "機密性1（公表済み・公表してよい情報）"),
    ];

    /// <summary>The answers that are 機密性3. Records made before the classes hold "3": they keep their level
    /// (<see cref="Requests.RequestRecord.HighestConfidentiality"/>), which is what routing and chasing read.</summary>
    public static readonly string[] Level3 = ["3A", "3B", "3C"];

    /// <summary>The answers that are 機密性2以上 (2(2)⑧, 8.3): 2 and every answer of <see cref="Level3"/>.</summary>
    public static readonly string[] Level2OrAbove = [.. Level3, "2"];

    public static FieldDefinition Text(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.Text, clauses);

    public static FieldDefinition LongText(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.MultilineText, clauses);

    public static FieldDefinition Choice(string id, string label, IReadOnlyList<ChoiceOption> choices, params string[] clauses) =>
        new(id, label, FieldType.Choice, clauses) { Choices = choices };

    public static FieldDefinition Date(string id, string label, DateRule rule, params string[] clauses) =>
        new(id, label, FieldType.Date, clauses) { DateRule = rule };

    public static FieldDefinition Time(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.Time, clauses);

    public static FieldDefinition Confirm(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.Confirmation, clauses);

    /// <summary>A 機密性 question offering the five classes of 2(1) (3A, 3B, 3C, 2, 1).</summary>
    public static FieldDefinition Confidentiality(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.Choice, ["2(1)", .. clauses])
        {
            Choices = ConfidentialityClasses,
            IsConfidentiality = true,
            Help = "迷うときは高い方を選んでください。複数の分類が混在する場合は最も高いものです。",
        };

    public static FieldCondition When(string fieldId, params string[] anyOf) => FieldCondition.When(fieldId, anyOf);

    public static FieldCondition WhenNot(string fieldId, params string[] anyOf) => FieldCondition.WhenNot(fieldId, anyOf);
}
