using System.Text.Json.Nodes;
using Isms.Bot.Approvals;
using Isms.Bot.Conversations;
using Isms.Workflows.Approvals;
using Isms.Workflows.Notifications;
using Isms.Workflows.Org;
using Microsoft.Extensions.Options;

namespace Isms.Bot.Notifications;

/// <summary>
/// Notifications that did not reach their person (no chat with the bot, or Teams refused) are kept in LiteDB and
/// retried after each of <see cref="OutboxOptions.Delays"/>; after the last retry the failure is reported to the
/// 管理者 channel (Channels:AdminChannelId) or, failing that, to the 情報セキュリティ管理者 of the applicant's 所属,
/// and the entry stays (given up) until the person can be reached. Nothing is dropped without a warning in the log
/// (ids only, never the text). <see cref="RetryDueAsync"/> is the whole retry logic; a hosted loop calls it.
/// Someone who writes to the bot, opens it, or appears in a team's member list gets what waits for them at once
/// (<see cref="DeliverQueuedForAsync(string?, string?, CancellationToken)"/>). A card that waits is drawn again from the
/// record when it is delivered (<see cref="LateCards"/>).
/// </summary>
public sealed class NotificationOutbox(
    OutboxStore store,
    TeamsNotifier notifier,
    ConversationReferenceStore references,
    ApprovalCardSender cards,
    ApprovalService approvals,
    LateCards lateCards,
    OrgDirectoryService directory,
    IOptions<NotificationChannelsOptions> channels,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<NotificationOutbox> logger)
{
    /// <summary>How long a turn waits for a retry pass in progress before leaving its sender's entries to the retries.</summary>
    private static readonly TimeSpan TurnGateWait = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Sends a message now; when it does not arrive, keeps it for the retries.</summary>
    public async Task<NotifyResult> SendOrQueueAsync(Notice notice, string? recordId, string? recordNumber, CancellationToken cancellationToken)
    {
        var entry = NewEntry(OutboxKind.Message, $"msg-{Guid.NewGuid():N}", notice.To, notice.Title, notice.Text, recordId, recordNumber);
        if (LateCards.Identify(notice.Card) is { } identity)
        {
            (entry.CardVerb, entry.CardRecordId) = identity;
        }
        else
        {
            entry.CardJson = notice.Card?.ToJsonString();
        }

        // The first attempt sends the card as the workflow just drew it; only a later one draws it again.
        var result = await AttemptAsync(entry, cancellationToken, notice.Card);
        if (result != NotifyResult.Sent)
        {
            Queue(entry, result);
        }

        return result;
    }

    /// <summary>Keeps a decision card that could not be delivered to the person's personal chat for the retries.</summary>
    public void QueueDecisionCard(ApprovalView view, Recipient to, string text, NotifyResult firstResult)
    {
        var entry = NewEntry(OutboxKind.DecisionCard, DecisionCardKey(view.RecordId, to.PersonId ?? to.AadObjectId ?? to.TeamsUserId), to,
            ApprovalCardSender.RequestTitle(view), text, view.RecordId, view.Number);
        entry.DecisionsAtQueue = view.Decisions.Count;
        Queue(entry, firstResult);
    }

    /// <summary>The person got the decision card another way (承認待ち): the queued one is not needed any more.</summary>
    public void DecisionCardShown(string recordId, string personId)
    {
        var key = DecisionCardKey(recordId, personId);
        if (store.Find(key) is not null)
        {
            store.Remove(key);
            logger.LogInformation("Outbox entry {EntryId} for record {RecordId} no longer needed: the card was shown on request", key, recordId);
        }
    }

    /// <summary>
    /// Delivers everything waiting for this person now, in the turn in which they wrote to the bot or opened it, instead
    /// of at the next retry. What still does not arrive stays as it was for the retries. Returns how many were delivered.
    /// </summary>
    public Task<int> DeliverQueuedForAsync(string? aadObjectId, string? teamsUserId, CancellationToken cancellationToken) =>
        DeliverNowAsync(store.ForPerson(aadObjectId, teamsUserId), cancellationToken);

    /// <summary>After a roster was read: one attempt now for the entries of the people it lists.</summary>
    public Task<int> DeliverQueuedForAsync(IEnumerable<(string? AadObjectId, string TeamsUserId)> people, CancellationToken cancellationToken) =>
        DeliverNowAsync(people.SelectMany(p => store.ForPerson(p.AadObjectId, p.TeamsUserId)).DistinctBy(e => e.Id).ToList(), cancellationToken);

    /// <summary>Retries every entry that is due at <paramref name="now"/>, and given-up ones whose person now has a chat
    /// with the bot. Returns how many were delivered. Safe to call from several places: passes run one at a time.</summary>
    public async Task<int> RetryDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var delivered = 0;
            foreach (var entry in store.Due(now))
            {
                delivered += await RetryAsync(entry, now, cancellationToken) ? 1 : 0;
            }

            foreach (var entry in store.GivenUpUnreachable().Where(HasChatNow))
            {
                delivered += await RetryAsync(entry, now, cancellationToken) ? 1 : 0;
            }

            return delivered;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> DeliverNowAsync(IReadOnlyList<OutboxEntry> waiting, CancellationToken cancellationToken)
    {
        if (waiting.Count == 0)
        {
            return 0;
        }

        if (!await _gate.WaitAsync(TurnGateWait, cancellationToken))
        {
            logger.LogInformation("A retry pass is running; {Count} outbox entries wait for it", waiting.Count);
            return 0;
        }

        try
        {
            var delivered = 0;
            foreach (var candidate in waiting)
            {
                // Read again under the gate: a retry pass may have delivered it meanwhile.
                if (store.Find(candidate.Id) is not { } entry)
                {
                    continue;
                }

                var result = await AttemptAsync(entry, cancellationToken);
                if (result == NotifyResult.Sent || IsObsolete(entry))
                {
                    store.Remove(entry.Id);
                    logger.LogInformation("Outbox entry {EntryId} for record {RecordId} {Outcome} at once, after {Attempts} earlier attempts", entry.Id,
                        entry.RecordId, result == NotifyResult.Sent ? "delivered" : "no longer needed", entry.Attempts);
                    delivered += result == NotifyResult.Sent ? 1 : 0;
                }
            }

            return delivered;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> RetryAsync(OutboxEntry entry, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await AttemptAsync(entry, cancellationToken);
        entry.Attempts++;
        entry.LastResult = result;
        if (result == NotifyResult.Sent || IsObsolete(entry))
        {
            store.Remove(entry.Id);
            logger.LogInformation("Outbox entry {EntryId} for record {RecordId} {Outcome} after {Attempts} attempts", entry.Id, entry.RecordId,
                result == NotifyResult.Sent ? "delivered" : "no longer needed", entry.Attempts);
            return result == NotifyResult.Sent;
        }

        if (entry.NextAttemptAt is null)
        {
            store.Save(entry); // given up before: it waits for the person's chat again
            return false;
        }

        var delays = options.Value.Delays;
        if (entry.Attempts <= delays.Count)
        {
            entry.NextAttemptAt = now + delays[entry.Attempts - 1];
            store.Save(entry);
            return false;
        }

        entry.NextAttemptAt = null;
        entry.GaveUpAt = now;
        var reportedTo = await ReportAsync(entry, cancellationToken);
        entry.Reported = reportedTo is not null;
        store.Save(entry);
        logger.LogWarning("Gave up delivering outbox entry {EntryId} for record {RecordId} to person {PersonId} after {Attempts} attempts ({Result}); reported to {ReportedTo}",
            entry.Id, entry.RecordId, entry.RecipientPersonId, entry.Attempts, result, reportedTo ?? "nobody (no admin channel and no reachable manager)");
        return false;
    }

    private async Task<NotifyResult> AttemptAsync(OutboxEntry entry, CancellationToken cancellationToken, JsonObject? freshCard = null)
    {
        var to = RecipientOf(entry);
        if (entry.Kind == OutboxKind.DecisionCard)
        {
            // The card is drawn from the record now: a queued card would carry an old version and be refused.
            var view = entry.RecordId is null ? null : approvals.Find(entry.RecordId);
            if (view is null || view.State != ApprovalState.Pending || view.Decisions.Count != entry.DecisionsAtQueue)
            {
                return NotifyResult.Unreachable;
            }

            return await cards.SendToPersonAsync(view, to, entry.Text, cancellationToken);
        }

        // Drawn once the person's chat is known, not before: a retry pass that runs while the person's first turn learns
        // their Teams id would otherwise draw the card without it (refresh.userIds) and deliver it through the chat that
        // turn has just made known.
        var delivery = await notifier.DeliverAsync(to, () => new Notification(entry.Title, entry.Text, SubjectId: entry.RecordId,
            Card: freshCard ?? (entry is { CardVerb: { } verb, CardRecordId: { } recordId } ? lateCards.Draw(verb, recordId, to) : Snapshot(entry))),
            cancellationToken);
        return delivery.Result;
    }

    private bool IsObsolete(OutboxEntry entry)
    {
        if (entry.Kind != OutboxKind.DecisionCard)
        {
            return false;
        }

        var view = entry.RecordId is null ? null : approvals.Find(entry.RecordId);
        return view is null || view.State != ApprovalState.Pending || view.Decisions.Count != entry.DecisionsAtQueue;
    }

    /// <summary>Where the failure was reported ("admin channel" / "manager"), or null when nobody could be told.</summary>
    private async Task<string?> ReportAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var subject = entry.RecordNumber is null ? entry.Title : $"申請 {entry.RecordNumber}";
        var text = $"{entry.RecipientName}さんへの通知（{subject}）が届きませんでした。ボットが未登録の可能性があります。"
            + "ご本人にボットの追加を案内し、内容を直接お伝えください。";
        var report = new Notification("通知が届きませんでした", text, SubjectId: entry.RecordId);
        if (channels.Value.AdminChannelId is { Length: > 0 } channelId
            && (await notifier.DeliverToChannelAsync(channelId, report, cancellationToken)).Result == NotifyResult.Sent)
        {
            return "admin channel";
        }

        var department = entry.RecordId is null ? null : approvals.Find(entry.RecordId)?.Department;
        var managers = department is null ? [] : directory.Current.Holders(OrgRole.SecurityManager, department)
            .Where(p => p.Id != entry.RecipientPersonId && p.AadObjectId != entry.RecipientAadObjectId);
        var told = false;
        foreach (var manager in managers)
        {
            if (Recipient.Of(manager) is { ReachId: not null } reachable
                && (await notifier.DeliverAsync(reachable, report, cancellationToken)).Result == NotifyResult.Sent)
            {
                told = true;
            }
        }

        return told ? "manager" : null;
    }

    private bool HasChatNow(OutboxEntry entry) =>
        references.FindPersonalChat(entry.RecipientAadObjectId ?? entry.RecipientId, entry.RecipientTeamsUserId ?? entry.RecipientId) is not null;

    private void Queue(OutboxEntry entry, NotifyResult firstResult)
    {
        if (store.Find(entry.Id) is not null)
        {
            return; // the same card for the same person is already waiting
        }

        entry.Attempts = 1;
        entry.LastResult = firstResult;
        entry.NextAttemptAt = time.GetUtcNow() + options.Value.Delays[0];
        store.Save(entry);
        logger.LogInformation("Queued outbox entry {EntryId} for record {RecordId} ({Result})", entry.Id, entry.RecordId, firstResult);
    }

    private OutboxEntry NewEntry(OutboxKind kind, string id, Recipient to, string title, string text, string? recordId, string? recordNumber) => new()
    {
        Id = id,
        Kind = kind,
        RecipientId = to.ReachId ?? "",
        RecipientAadObjectId = to.AadObjectId,
        RecipientTeamsUserId = to.TeamsUserId,
        RecipientPersonId = to.PersonId,
        RecipientName = to.Name,
        Title = title,
        Text = text,
        RecordId = recordId,
        RecordNumber = recordNumber,
        CreatedAt = time.GetUtcNow(),
    };

    private static string DecisionCardKey(string recordId, string? personKey) => $"card-{recordId}-{personKey}";

    /// <summary>The person as the directory knows them now (a Teams id learned since the entry was queued reaches them),
    /// else as the entry was queued.</summary>
    private Recipient RecipientOf(OutboxEntry entry)
    {
        if (entry.RecipientPersonId is { } personId && directory.Current.FindById(personId) is { } person)
        {
            return Recipient.Of(person);
        }

        return new Recipient(entry.RecipientPersonId, entry.RecipientName, entry.RecipientAadObjectId,
            entry.RecipientTeamsUserId ?? (entry.RecipientAadObjectId is null && entry.RecipientId.Length > 0 ? entry.RecipientId : null));
    }

    /// <summary>A card the bot cannot draw again, as it was queued; an entry from before cards were drawn again at delivery
    /// is drawn again too when its card says what it is.</summary>
    private JsonObject? Snapshot(OutboxEntry entry)
    {
        var card = entry.CardJson is null ? null : JsonNode.Parse(entry.CardJson) as JsonObject;
        return LateCards.Identify(card) is { } identity ? lateCards.Draw(identity.Verb, identity.RecordId, RecipientOf(entry)) ?? card : card;
    }
}
