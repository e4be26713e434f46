namespace GridGov.Domain.People;

/// <summary>What import and entry compare to find a person who may already be registered.</summary>
public sealed record PersonKey(long? Id, string Name, DateOnly? BirthDate, string? IdNumber, IReadOnlyCollection<long> HouseIds);

/// <summary>Why two records may be one person. Never merged automatically: a person decides in the review queue.</summary>
public enum DuplicateReason
{
    /// <summary>The ID numbers share their first 17 digits: one check character was mistyped.</summary>
    CheckCharacterDiffers,

    /// <summary>Same name and birth date in the same house (one record without an ID number, or with another one).</summary>
    SameNameBirthDateAndHouse,
}

public static class Duplicates
{
    /// <summary>
    /// The records that may be the same person as <paramref name="candidate"/>. An exact ID-number match is not a
    /// "possible" duplicate: it is the same person and updates that record.
    /// </summary>
    public static IReadOnlyList<(PersonKey Existing, DuplicateReason Reason)> Possible(PersonKey candidate, IEnumerable<PersonKey> existing)
    {
        var found = new List<(PersonKey, DuplicateReason)>();
        foreach (var e in existing)
        {
            if (candidate.Id is not null && e.Id == candidate.Id) continue;
            if (candidate.IdNumber is { Length: 18 } a && e.IdNumber is { Length: 18 } b)
            {
                if (a == b) continue;
                if (string.CompareOrdinal(a, 0, b, 0, 17) == 0 || OneDigitOff(a, b))
                {
                    found.Add((e, DuplicateReason.CheckCharacterDiffers));
                    continue;
                }
            }
            if (candidate.BirthDate is not null && candidate.BirthDate == e.BirthDate
                && string.Equals(Clean(candidate.Name), Clean(e.Name), StringComparison.Ordinal)
                && candidate.HouseIds.Intersect(e.HouseIds).Any())
                found.Add((e, DuplicateReason.SameNameBirthDateAndHouse));
        }
        return found;
    }

    // A single mistyped digit elsewhere changes the check character too: same birth date and one digit apart.
    private static bool OneDigitOff(string a, string b)
    {
        if (string.CompareOrdinal(a, 6, b, 6, 8) != 0) return false;
        var diff = 0;
        for (var i = 0; i < 17; i++)
            if (a[i] != b[i] && ++diff > 1) return false;
        return diff == 1;
    }

    private static string Clean(string name) => new(name.Where(c => !char.IsWhiteSpace(c) && c != '·' && c != '•').ToArray());
}
