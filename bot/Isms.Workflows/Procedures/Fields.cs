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

    /// <summary>The three levels of 2(1). The record keeps the highest as an int.</summary>
    public static readonly IReadOnlyList<ChoiceOption> ConfidentialityLevels =
    [
        new("3", "機密性3（秘密文書相当、個人情報など取扱いに特に注意が必要な情報）"),
        new("2", "機密性2（公表を前提としていない情報）"),
        new("1", "機密性1（公表済み・公表してよい情報）"),
    ];

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

    /// <summary>The answers of <see cref="ConfidentialityClasses"/> that are 機密性3, and those that are 機密性2以上.</summary>
    public static readonly string[] Level3Classes = ["3A", "3B", "3C"];
    public static readonly string[] Level2OrAboveClasses = [.. Level3Classes, "2"];

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

    public static FieldDefinition Confidentiality(string id, string label, params string[] clauses) =>
        new(id, label, FieldType.Choice, ["2(1)", .. clauses])
        {
            Choices = ConfidentialityLevels,
            IsConfidentiality = true,
            Help = "迷うときは高い方を選んでください。複数の分類が混在する場合は最も高いものです。",
        };

    /// <summary>A 機密性 question that offers the five classes of 2(1) (3A, 3B, 3C, 2, 1).</summary>
    public static FieldDefinition ConfidentialityClass(string id, string label, params string[] clauses) =>
        Confidentiality(id, label, clauses) with { Choices = ConfidentialityClasses };

    public static FieldCondition When(string fieldId, params string[] anyOf) => FieldCondition.When(fieldId, anyOf);

    public static FieldCondition WhenNot(string fieldId, params string[] anyOf) => FieldCondition.WhenNot(fieldId, anyOf);
}
