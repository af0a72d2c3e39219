using Isms.Workflows.Storage;
using LiteDB;

namespace Isms.Workflows.Training;

/// <summary>Someone completed a course: confirmed on a card or imported by an administrator.</summary>
public sealed class TrainingCompletion
{
    /// <summary>"person|course|date": the same confirmation twice is one record.</summary>
    public string Id { get; set; } = "";
    public string PersonId { get; set; } = "";
    public string CourseId { get; set; } = "";
    /// <summary>Stored as a day number: LiteDB 5 has no DateOnly mapping.</summary>
    public int CompletedDay { get; set; }

    [BsonIgnore]
    public DateOnly CompletedOn { get => DateOnly.FromDayNumber(CompletedDay); set => CompletedDay = value.DayNumber; }
    /// <summary>"card" or "csv".</summary>
    public string Source { get; set; } = "";
    public string RecordedBy { get; set; } = "";
    public DateTimeOffset RecordedAt { get; set; }
}

/// <summary>緊急時対応訓練 (5.2(3)): planned by the CISO, then recorded as held.</summary>
public sealed class EmergencyDrill
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>体制・範囲 as the plan states them.</summary>
    public string Scope { get; set; } = "";
    public int ScheduledDay { get; set; }
    public int? HeldDay { get; set; }

    [BsonIgnore]
    public DateOnly ScheduledOn { get => DateOnly.FromDayNumber(ScheduledDay); set => ScheduledDay = value.DayNumber; }

    [BsonIgnore]
    public DateOnly? HeldOn { get => HeldDay is { } d ? DateOnly.FromDayNumber(d) : null; set => HeldDay = value?.DayNumber; }
    public int Participants { get; set; }
    public string Findings { get; set; } = "";
}

/// <summary>Training records in the shared LiteDB file.</summary>
public sealed class TrainingStore
{
    public const string CompletionsCollection = "training_completions";
    public const string DrillsCollection = "training_drills";

    private readonly ILiteCollection<TrainingCompletion> _completions;
    private readonly ILiteCollection<EmergencyDrill> _drills;

    public TrainingStore(IsmsDatabase database)
    {
        _completions = database.Collection<TrainingCompletion>(CompletionsCollection);
        _completions.EnsureIndex(c => c.PersonId);
        _completions.EnsureIndex(c => c.CompletedDay);
        _drills = database.Collection<EmergencyDrill>(DrillsCollection);
        _drills.EnsureIndex(d => d.ScheduledDay);
    }

    /// <summary>True when it is new; the same person, course and day again changes nothing.</summary>
    public bool Record(TrainingCompletion completion)
    {
        completion.Id = $"{completion.PersonId}|{completion.CourseId}|{completion.CompletedOn:yyyy-MM-dd}";
        if (_completions.FindById(completion.Id) is not null)
        {
            return false;
        }

        _completions.Insert(completion);
        return true;
    }

    public IReadOnlyList<TrainingCompletion> CompletionsOf(string personId) => _completions.Find(c => c.PersonId == personId).ToList();

    /// <summary>All completions on or after <paramref name="from"/>, by person (one query for a whole report).</summary>
    public ILookup<string, TrainingCompletion> CompletionsSince(DateOnly from)
    {
        var day = from.DayNumber;
        return _completions.Find(c => c.CompletedDay >= day).ToLookup(c => c.PersonId);
    }

    public EmergencyDrill ScheduleDrill(EmergencyDrill drill)
    {
        if (string.IsNullOrEmpty(drill.Id))
        {
            drill.Id = Guid.NewGuid().ToString("N");
        }

        _drills.Upsert(drill);
        return drill;
    }

    public bool RecordDrillHeld(string drillId, DateOnly heldOn, int participants, string findings)
    {
        var drill = _drills.FindById(drillId);
        if (drill is null)
        {
            return false;
        }

        drill.HeldOn = heldOn;
        drill.Participants = participants;
        drill.Findings = findings;
        return _drills.Update(drill);
    }

    public IReadOnlyList<EmergencyDrill> DrillsBetween(DateOnly from, DateOnly to) =>
        _drills.Find(d => d.ScheduledDay >= from.DayNumber && d.ScheduledDay <= to.DayNumber).OrderBy(d => d.ScheduledDay).ToList();
}
