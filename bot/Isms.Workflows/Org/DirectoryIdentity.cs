namespace Isms.Workflows.Org;

/// <summary>Who someone talking to the bot is, according to the directory.</summary>
/// <param name="Person">Null when they are not in the directory.</param>
/// <param name="Guidance">For strangers: Japanese text the host shows them (what they can and cannot do, whom to ask).</param>
public sealed record DirectoryIdentity(Person? Person, string? Guidance)
{
    public bool IsKnown => Person is not null;

    /// <summary>People in the directory may file requests and, where a route names them, approve.</summary>
    public bool MayFileOrApprove => IsKnown;
}
