using GridGov.Domain.People;

namespace GridGov.Data.Entities;

/// <summary>
/// One row of an import batch as checked and matched: its outcome, its located problems (JSON, numbers masked), or the
/// values to write (numbers encrypted, masked and hashed as on <see cref="Person"/>), the house it names and the record
/// it matched. Written in bulk (COPY / prepared inserts), never through EF's per-row audit.
/// </summary>
public sealed class PeopleImportRow
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public required string DistrictCode { get; set; }

    /// <summary>The row's number in the sheet as Excel shows it (the header is row 1).</summary>
    public int RowNumber { get; set; }
    public ImportOutcome Outcome { get; set; }

    /// <summary>[{column, reason, value}] for an error row.</summary>
    public string? Errors { get; set; }

    public string? Name { get; set; }
    public string? IdNumberMasked { get; set; }
    public string? IdNumberCipher { get; set; }
    public string? IdNumberHash { get; set; }
    public string? IdBodyHash { get; set; }
    public string? DocumentMasked { get; set; }
    public string? DocumentCipher { get; set; }
    public DateOnly? BirthDate { get; set; }
    public Sex? Sex { get; set; }
    public string? PhoneMasked { get; set; }
    public string? PhoneCipher { get; set; }
    public string? PhoneHash { get; set; }
    public RegistrationType? Registration { get; set; }
    public string? Tags { get; set; }

    public long? HouseId { get; set; }
    public Relation? Relation { get; set; }
    public DateOnly? MovedIn { get; set; }

    /// <summary>The area the person's record takes: the house's, or the batch's when the row names no house.</summary>
    public string? AreaCode { get; set; }

    /// <summary>The registered record: the one updated (exact ID number), or the one it may be (review).</summary>
    public long? PersonId { get; set; }

    /// <summary>For a new record: its id, taken when the batch is committed.</summary>
    public long? NewPersonId { get; set; }

    /// <summary>The row adds a link to <see cref="HouseId"/> (no open link there yet).</summary>
    public bool AddsLink { get; set; }

    /// <summary>An open link to the house whose relation the row changes.</summary>
    public long? ChangesLinkId { get; set; }
    public DuplicateReason? ReviewReason { get; set; }
}
