namespace Isms.EndToEnd.Tests.Harness;

/// <summary>One person of the sample organisation as the Playground presents them to the bot.</summary>
/// <param name="Key">Short stable key, used in the personal chat id and in file names.</param>
/// <param name="Role">The role in the 対策基準 (or 職員 for ordinary staff); the Playground itself has no roles.</param>
public sealed record TestUser(
    string Key,
    string Surname,
    string GivenName,
    string Department,
    string Title,
    string Role,
    string AadObjectId)
{
    /// <summary>Display name as Teams shows it: 「山田 太郎」.</summary>
    public string Name => $"{Surname} {GivenName}";

    /// <summary>The Playground's user id (Teams would send <c>29:...</c>; the Playground uses the configured id).</summary>
    public string UserId => $"user-{Key}";

    public string Email => $"{Key}@tatebayashi-fd.example.jp";

    /// <summary>The id of this person's 1:1 chat with the bot: one per person, as in Teams.</summary>
    public string PersonalChatId => $"personal-chat-{Key}";

    public override string ToString() => $"{Name} ({Department} {Title})";
}

/// <summary>
/// The sample organisation every end-to-end test runs in: the tenant, the bot and six people of 館林地区消防組合.
/// The Playground wants a <c>currentUser</c> plus exactly five <c>users</c>; whoever acts is the current user and
/// the other five are the rest (see <see cref="PlaygroundConfig"/>). They are people of the bot's sample org
/// directory, with its object ids, so the bot knows their department and roles (佐藤 approves 山田's requests).
/// </summary>
public static class SampleOrg
{
    public const string TenantId = "5f1c0d2e-7a41-4b6e-9c3d-0a1b2c3d4e5f";
    public const string BotId = "28:5f1c0d2e-0000-4000-8000-00000000b0b0";
    public const string BotName = "情報セキュリティ相談ボット";
    public const string GroupChatId = "19:keibou-group-chat@thread.v2";
    public const string GroupChatName = "警防課 連絡";
    public const string TeamId = "19:tatebayashi-fd-team@thread.tacv2";
    public const string TeamName = "館林地区消防組合";
    public const string TeamAadGroupId = "5f1c0d2e-0000-4000-8000-0000000000a1";
    public const string ChannelId = "19:security-channel@thread.tacv2";
    public const string ChannelName = "情報セキュリティ";

    /// <summary>警防課 主事 (E0001): an ordinary member of staff who files requests and reports (申請者).</summary>
    public static readonly TestUser Yamada = new("yamada", "山田", "太郎", "警防課", "主事", "職員", DirectoryObjectId("E0001"));

    /// <summary>警防課 課長補佐 (E0002) = 情報セキュリティ管理者 (対策基準 1(4)①): first approver for 警防課.</summary>
    public static readonly TestUser Sato = new("sato", "佐藤", "花子", "警防課", "課長補佐", "情報セキュリティ管理者", DirectoryObjectId("E0002"));

    /// <summary>警防課長 (E0003) = 情報セキュリティ責任者 (1(3)①) and 情報システム管理者 for the network (1(5)①).</summary>
    public static readonly TestUser Suzuki = new("suzuki", "鈴木", "一郎", "警防課", "課長", "情報セキュリティ責任者", DirectoryObjectId("E0003"));

    /// <summary>消防本部次長 (E0004) = 統括情報セキュリティ責任者 (1(2)①).</summary>
    public static readonly TestUser Takahashi = new("takahashi", "高橋", "次郎", "消防本部", "消防本部次長", "統括情報セキュリティ責任者", DirectoryObjectId("E0004"));

    /// <summary>消防長 (E0005) = CISO (1(1)①).</summary>
    public static readonly TestUser Tanaka = new("tanaka", "田中", "三郎", "消防本部", "消防長", "CISO", DirectoryObjectId("E0005"));

    /// <summary>総務課 課長補佐 (E0102) = 情報セキュリティ管理者 of another department: no say over 警防課's requests.</summary>
    public static readonly TestUser Watanabe = new("watanabe", "渡辺", "美咲", "総務課", "課長補佐", "情報セキュリティ管理者", DirectoryObjectId("E0102"));

    /// <summary>Everyone, the default acting user first.</summary>
    public static IReadOnlyList<TestUser> People { get; } = [Yamada, Sato, Suzuki, Takahashi, Tanaka, Watanabe];

    /// <summary>
    /// The Entra object id the bot's sample org directory (bot/Isms.Workflows/data/org-directory.sample.yaml) gives
    /// the person with directory id E0102: 00000000-0000-4000-8000-000000000102. The bot matches people by it, so it
    /// must stay in step with that file.
    /// </summary>
    private static string DirectoryObjectId(string directoryId) => $"00000000-0000-4000-8000-{directoryId[1..].PadLeft(12, '0')}";
}
