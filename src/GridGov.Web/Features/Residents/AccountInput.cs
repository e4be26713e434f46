namespace GridGov.Web.Features.Residents;

/// <summary>The fields of the resident sign-up, sign-in and reset forms; Action says which button was pressed.</summary>
public sealed class AccountInput
{
    public string? Phone { get; set; }
    public string? Code { get; set; }
    public string? Password { get; set; }
    public string? Nickname { get; set; }
    public string? Action { get; set; }

    /// <summary>The consent box at sign-up ("true" when ticked).</summary>
    public bool Consent { get; set; }
}
