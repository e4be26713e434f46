namespace GridGov.Data.Entities;

public enum VerificationPurpose { SignUp = 0, ResetPassword = 1 }

/// <summary>
/// A one-time code sent by SMS to prove a resident holds a mobile number. Only hashes are stored: the number as its
/// keyed lookup hash, the code salted with the row's own random salt. Dies after its lifetime, its attempts, or use.
/// </summary>
public sealed class PhoneVerification
{
    public long Id { get; set; }
    public required string PhoneLookup { get; set; }
    public VerificationPurpose Purpose { get; set; }
    public required string CodeHash { get; set; }
    public required string Salt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTime? UsedAt { get; set; }
    public string? Ip { get; set; }
}
