namespace Isms.Workflows.Forms;

public enum FieldType
{
    Text,
    MultilineText,
    Choice,
    Date,
    Time,
    /// <summary>A confirmation: "true" when ticked. A required confirmation must be ticked.</summary>
    Confirmation,
}

public enum DateRule
{
    None,
    /// <summary>Planned dates: not before today and at most a year ahead.</summary>
    TodayOrLaterWithinYear,
    /// <summary>Things that already happened: not after today.</summary>
    TodayOrEarlier,
    /// <summary>An end that must still be ahead (an 例外措置's end date): after today and at most a year ahead.</summary>
    AfterTodayWithinYear,
}

/// <summary>Where a field can be filled from the person's own words.</summary>
public enum PrefillSource
{
    None,
    StartDate,
    EndDate,
    EventDate,
    StartTime,
    /// <summary>The end of a time range in the words ("14時から16時まで").</summary>
    EndTime,
    ItemKind,
    MeetingService,
    HostOrganisation,
    CloudService,
    IncidentKind,
    /// <summary>Where the thing is taken: a place or body named before 「に/へ持ち出す」 (県の研修に → 群馬県).</summary>
    Destination,
    /// <summary>What it is for: an event named with the destination (県の研修に → 県の研修のため).</summary>
    Purpose,
    /// <summary>A meeting's name: quoted (「…」) or a word ending in 会議, 検討会, 研修会, 説明会.</summary>
    MeetingTitle,
    /// <summary>The person's own sentence, as typed (what happened, in their words).</summary>
    Message,
    /// <summary>A named body the words mention (県の担当者に → 群馬県).</summary>
    Organisation,
    /// <summary>Invited to a meeting (招待, 参加, X主催の) or hosting it (主催します).</summary>
    MeetingRole,
    /// <summary>"yes" when the words say an ID or password was typed into a page or told to someone (5.4(2)④).</summary>
    PasswordGiven,
    /// <summary>Who noticed first, when the words say it: someone outside ("outside": 住民から電話があって) or a colleague
    /// ("staff": 部下から報告がありました).</summary>
    ReportedBy,
}

/// <summary>What a field holds before the person answers, when the words did not say.</summary>
public enum FieldDefault
{
    None,
    /// <summary>Today (in Japan): for the day something happened or was noticed.</summary>
    Today,
    /// <summary>The person filling in the form, with their 所属: 「山田 太郎（消防本部 警防課）」.</summary>
    Applicant,
    /// <summary>The first choice (the usual case), shown on the confirmation card where it can be changed.</summary>
    FirstChoice,
}

public sealed record ChoiceOption(string Value, string Title);

/// <summary>Where a choice field's list comes from besides its own choices: data that changes while the bot runs.</summary>
public enum ChoiceSource
{
    None,
    /// <summary>The information systems the org directory names a 情報システム管理者 for (1(5)), as it is now.</summary>
    InformationSystems,
}

/// <summary>Holds when the answer to <paramref name="FieldId"/> is one of <paramref name="AnyOf"/> (or none of them, negated).</summary>
public sealed record FieldCondition(string FieldId, IReadOnlyList<string> AnyOf, bool Negate = false)
{
    public bool IsMet(IReadOnlyDictionary<string, string> answers)
    {
        var matches = answers.TryGetValue(FieldId, out var value) && AnyOf.Contains(value);
        return Negate ? !matches && answers.ContainsKey(FieldId) && value!.Length > 0 : matches;
    }

    public static FieldCondition When(string fieldId, params string[] anyOf) => new(fieldId, anyOf);

    public static FieldCondition WhenNot(string fieldId, params string[] anyOf) => new(fieldId, anyOf, Negate: true);

    public static bool AllMet(IEnumerable<FieldCondition> conditions, IReadOnlyDictionary<string, string> answers) =>
        conditions.All(c => c.IsMet(answers));
}

/// <summary>One question of a form. <see cref="Clauses"/> are the 対策基準 clauses that make it necessary.</summary>
public sealed record FieldDefinition(string Id, string Label, FieldType Type, IReadOnlyList<string> Clauses)
{
    public const int DefaultTextMaxLength = 200;
    public const int DefaultMultilineMaxLength = 2000;

    public bool Required { get; init; } = true;
    public string? Help { get; init; }
    public string? Placeholder { get; init; }
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];
    /// <summary>All must hold for the field to be asked. A field that is not asked is not validated or recorded.</summary>
    public IReadOnlyList<FieldCondition> VisibleWhen { get; init; } = [];
    public DateRule DateRule { get; init; }
    public int? MaxLengthOverride { get; init; }
    /// <summary>The answer is a 機密性 class ("1", "2", "3", or "3A".."3C") that counts toward the record's highest 機密性.</summary>
    public bool IsConfidentiality { get; init; }
    public PrefillSource Prefill { get; init; }
    /// <summary>Choices put before <see cref="Choices"/> when the catalog hands out the definition (the directory's systems).</summary>
    public ChoiceSource ChoicesFrom { get; init; }
    /// <summary>A choice shown as a drop-down however few its choices (a list from the directory that can grow).</summary>
    public bool Compact { get; init; }
    public FieldDefault Default { get; init; }
    /// <summary>Starts with the person's answer on their last record of the same form (a destination, a host).</summary>
    public bool RemembersLastAnswer { get; init; }

    public int MaxLength => MaxLengthOverride ?? (Type == FieldType.MultilineText ? DefaultMultilineMaxLength : DefaultTextMaxLength);

    public bool IsVisible(IReadOnlyDictionary<string, string> answers) => FieldCondition.AllMet(VisibleWhen, answers);

    public string? ChoiceTitle(string value) => Choices.FirstOrDefault(c => c.Value == value)?.Title;
}
