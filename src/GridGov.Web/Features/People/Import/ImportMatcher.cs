using System.Data.Common;
using System.Text.Json;
using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Areas;
using GridGov.Domain.People;
using GridGov.Web.Hosting.Security;
using Microsoft.EntityFrameworkCore;

namespace GridGov.Web.Features.People.Import;

/// <summary>
/// Matches checked rows against the registry, a chunk at a time (one IN-list query per kind of look-up per chunk):
/// the house each row names (in the batch's area), the record with its ID number (exact, by keyed hash: an update, or
/// unchanged), a record whose first 17 digits it shares (a mistyped check character) and records with the same name
/// and birth date (one digit off, or the same house): those go to review, never merged. Moving in follows
/// <see cref="ResidenceRules"/> against the house's open links and the rows before it in the file.
/// </summary>
internal sealed class ImportMatcher(GridGovDb db, PersonalData pii, PeopleImport batch, ImportHeader header, Func<string, string> hash, DateOnly today)
{
    private sealed record HouseRef(long Id, string AreaCode);

    /// <summary>What the matcher needs of a registered person.</summary>
    private sealed record Registered(long Id, string Name, string AreaCode, DateOnly? BirthDate, string? IdNumberCipher, string? DocumentCipher,
        string? PhoneHash, RegistrationType Registration, string Tags, string? IdNumberHash = null, string? IdBodyHash = null);

    // (compound, building key) → building ids; (building, unit, door key) → house.
    private readonly Dictionary<(string Compound, string Building), List<long>> _buildings = [];
    private readonly Dictionary<string, List<long>> _buildingsByKey = [];
    private readonly Dictionary<(long Building, int Unit, string Number), HouseRef> _houses = [];

    // Open links of every house the file has reached so far, with the file's own accepted moves (new people as -row).
    private readonly Dictionary<long, List<ResidenceLink>> _houseLinks = [];
    private readonly Dictionary<(long Person, long House), long> _openLink = [];

    /// <summary>Where the time goes, per step (summed over the chunks).</summary>
    public ImportTimings Timings { get; init; } = new();

    private readonly bool _phoneColumn = header.Has(ImportColumn.Phone);
    private readonly bool _tagsColumn = header.Has(ImportColumn.Tags);

    public async Task LoadHousesAsync(IReadOnlyList<ImportedRow> rows, CancellationToken ct)
    {
        var wanted = rows.Where(r => r.House is not null).Select(r => r.House!.BuildingKey).ToHashSet(StringComparer.Ordinal);
        if (wanted.Count == 0) return;
        var buildings = await (from b in db.Buildings.AsNoTracking().WithinAny(b => b.AreaCode, [batch.AreaCode])
                               join c in db.Compounds.AsNoTracking() on b.CompoundId equals c.Id into cs
                               from c in cs.DefaultIfEmpty()
                               select new { b.Id, b.Name, Compound = c == null ? "" : c.Name }).ToListAsync(ct);
        var ids = new List<long>();
        foreach (var b in buildings)
        {
            var key = ImportText.BuildingKey(b.Name);
            if (!wanted.Contains(key)) continue;
            ids.Add(b.Id);
            Add(_buildings, (b.Compound.Trim(), key), b.Id);
            Add(_buildingsByKey, key, b.Id);
        }
        foreach (var chunk in ids.Chunk(ImportLimits.Chunk))
        {
            var houses = await db.Houses.AsNoTracking().Where(h => chunk.Contains(h.BuildingId))
                .Select(h => new { h.Id, h.BuildingId, h.Unit, h.Number, h.AreaCode }).ToListAsync(ct);
            foreach (var h in houses) _houses.TryAdd((h.BuildingId, h.Unit, ImportText.NumberKey(h.Number)), new HouseRef(h.Id, h.AreaCode));
        }
    }

    private static void Add<TKey>(Dictionary<TKey, List<long>> map, TKey key, long id) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(id);
    }

    /// <summary>
    /// The rows' outcomes, in file order. Their numbers are not encrypted yet: call <see cref="ProtectStaged"/> on the
    /// result before it is written (the caller does it beside matching the next chunk).
    /// </summary>
    public async Task<List<PeopleImportRow>> MatchAsync(IReadOnlyList<ImportedRow> rows, CancellationToken ct)
    {
        // 1. Houses, with their open links.
        var t = System.Diagnostics.Stopwatch.GetTimestamp();
        var houseOf = new Dictionary<int, HouseRef>();
        var errors = rows.ToDictionary(r => r.RowNumber, r => r.Errors.ToList());
        foreach (var r in rows.Where(r => r.Valid && r.House is not null))
        {
            var (house, problem) = FindHouse(r.House!);
            if (house is not null) houseOf[r.RowNumber] = house;
            else errors[r.RowNumber].Add(problem!);
        }
        await LoadHouseLinksAsync(houseOf.Values.Select(h => h.Id).Distinct().Where(id => !_houseLinks.ContainsKey(id)).ToList(), ct);
        Timings.Add("match: houses and their links", t);

        // 2. The registry: exact ID numbers, shared first 17 digits (a check-character typo), same name and birth date.
        t = System.Diagnostics.Stopwatch.GetTimestamp();
        var valid = rows.Where(r => r.Valid && errors[r.RowNumber].Count == 0).ToList();
        var idHash = valid.Where(r => r.Resident!.IdNumber is not null).ToDictionary(r => r.RowNumber, r => hash("id:" + r.Resident!.IdNumber!.Value.Value));
        var exactHashes = valid.Where(r => r.CheckCharacter is null && idHash.ContainsKey(r.RowNumber)).Select(r => idHash[r.RowNumber]).ToList();
        Timings.Add("match: hash", t);
        t = System.Diagnostics.Stopwatch.GetTimestamp();
        var exact = await db.People.AsNoTracking().Where(p => exactHashes.Contains(p.IdNumberHash!))
            .Select(Projection).ToDictionaryAsync(x => x.IdNumberHash!, ct);
        Timings.Add("match: by ID hash", t);
        t = System.Diagnostics.Stopwatch.GetTimestamp();
        var bodyHashes = valid.Where(r => r.CheckCharacter is not null).ToDictionary(r => r.RowNumber, r => hash("body:" + r.Resident!.IdNumber!.Value.Body));
        var bodyValues = bodyHashes.Values.ToList();
        var typos = bodyValues.Count == 0 ? [] : await db.People.AsNoTracking().Where(p => bodyValues.Contains(p.IdBodyHash!))
            .Select(Projection).ToListAsync(ct);
        Timings.Add("match: check-character typos", t);
        t = System.Diagnostics.Stopwatch.GetTimestamp();
        var unmatched = valid.Where(r => r.CheckCharacter is null && r.Resident!.BirthDate is not null && !exact.ContainsKey(idHash[r.RowNumber])).ToList();
        var similar = await SameNameAndBirthAsync(unmatched.Select(r => (r.Resident!.Name, r.Resident.BirthDate!.Value)).Distinct().ToList(), ct);
        Timings.Add("match: same name and birth", t);
        t = System.Diagnostics.Stopwatch.GetTimestamp();
        var byDocument = await SameDocumentInHouseAsync(valid.Where(r => r.Resident!.IdNumber is null && houseOf.ContainsKey(r.RowNumber)).ToList(), houseOf, ct);

        var people = exact.Values.Concat(typos).Concat(similar).Concat(byDocument.Values).DistinctBy(p => p.Id).ToList();
        var personLinks = await OpenLinksOfAsync(people.Select(p => p.Id).ToList(), ct);
        Timings.Add("match: documents, people's links", t);
        t = System.Diagnostics.Stopwatch.GetTimestamp();

        // 3. Each row's outcome, in file order (a row's move is seen by the rows after it).
        var staged = new List<PeopleImportRow>(rows.Count);
        foreach (var r in rows)
        {
            var rowErrors = errors[r.RowNumber];
            if (rowErrors.Count > 0 || !r.Valid)
            {
                staged.Add(Error(r.RowNumber, rowErrors));
                continue;
            }
            var house = houseOf.GetValueOrDefault(r.RowNumber);
            if (r.CheckCharacter is { } typo)
            {
                var found = typos.FirstOrDefault(t => t.IdBodyHash == bodyHashes[r.RowNumber] && Visible(t, personLinks));
                staged.Add(found is null
                    ? Error(r.RowNumber, [typo])
                    : Review(r, house, found.Id, DuplicateReason.CheckCharacterDiffers, typedIdNumber: typo.Value));
                continue;
            }
            var match = r.Resident!.IdNumber is not null ? exact.GetValueOrDefault(idHash[r.RowNumber]) : byDocument.GetValueOrDefault(r.RowNumber);
            if (match is not null)
            {
                staged.Add(Visible(match, personLinks)
                    ? Existing(r, house, match, idHash.GetValueOrDefault(r.RowNumber))
                    : Error(r.RowNumber, [new(ImportColumn.IdNumber, "身份证号：此人已在其他社区登记，请联系该社区办理迁入后再导入", ImportRowParser.Mask(ImportColumn.IdNumber, r.Resident.IdNumber?.Value))]));
                continue;
            }
            var candidate = PossibleDuplicate(r, house, similar, personLinks);
            staged.Add(candidate is { } c
                ? Review(r, house, c.Id, c.Reason, typedIdNumber: null)
                : New(r, house, idHash.GetValueOrDefault(r.RowNumber)));
        }
        Timings.Add("match: outcomes", t);
        return staged;
    }

    private (HouseRef? House, ImportCellError? Problem) FindHouse(HouseKey key)
    {
        var candidates = key.Compound.Length > 0
            ? _buildings.GetValueOrDefault((key.Compound, key.BuildingKey)) ?? []
            : _buildingsByKey.GetValueOrDefault(key.BuildingKey) ?? [];
        if (candidates.Count == 0)
            return (null, new(ImportColumn.Building, $"楼栋：本区域没有「{key.Compound}{key.Building}」（请先登记楼栋，或核对小区和楼栋名称）", key.Building));
        if (candidates.Count > 1 && key.Compound.Length == 0)
            return (null, new(ImportColumn.Compound, $"小区：本区域有 {candidates.Count} 个「{key.Building}」，请填写小区", null));
        foreach (var building in candidates)
            if (_houses.TryGetValue((building, key.Unit, key.NumberKey), out var house)) return (house, null);
        return (null, new(ImportColumn.Number, $"房号：「{key}」不存在（楼栋已登记，但没有这一单元或房号）", key.Number));
    }

    private async Task LoadHouseLinksAsync(List<long> houseIds, CancellationToken ct)
    {
        foreach (var id in houseIds) _houseLinks[id] = [];
        if (houseIds.Count == 0) return;
        var links = await db.Residences.AsNoTracking().Where(l => l.To == null && houseIds.Contains(l.HouseId))
            .Select(l => new { l.Id, l.PersonId, l.HouseId, l.Relation, l.From }).ToListAsync(ct);
        foreach (var l in links)
        {
            _houseLinks[l.HouseId].Add(new ResidenceLink(l.PersonId, l.HouseId, l.Relation, l.From));
            _openLink[(l.PersonId, l.HouseId)] = l.Id;
        }
    }

    private async Task<Dictionary<long, List<(long HouseId, string AreaCode)>>> OpenLinksOfAsync(List<long> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return [];
        var links = await db.Residences.AsNoTracking().Where(l => l.To == null && personIds.Contains(l.PersonId))
            .Select(l => new { l.Id, l.PersonId, l.HouseId, l.AreaCode }).ToListAsync(ct);
        foreach (var l in links) _openLink.TryAdd((l.PersonId, l.HouseId), l.Id);
        return links.GroupBy(l => l.PersonId).ToDictionary(g => g.Key, g => g.Select(l => (l.HouseId, l.AreaCode)).ToList());
    }

    /// <summary>A person the batch's area may see and change: living there, or holding an open link to a house there.</summary>
    private bool Visible(Registered p, Dictionary<long, List<(long HouseId, string AreaCode)>> links) =>
        AreaCode.IsWithin(p.AreaCode, batch.AreaCode) || (links.GetValueOrDefault(p.Id)?.Any(l => AreaCode.IsWithin(l.AreaCode, batch.AreaCode)) ?? false);

    private static readonly System.Linq.Expressions.Expression<Func<Person, Registered>> Projection =
        p => new Registered(p.Id, p.Name, p.AreaCode, p.BirthDate, p.IdNumberCipher, p.DocumentCipher, p.PhoneHash, p.Registration, p.Tags,
            p.IdNumberHash, p.IdBodyHash);

    /// <summary>Records with the same name and birth date as any of the pairs: one statement joining a VALUES list (both databases).</summary>
    private async Task<List<Registered>> SameNameAndBirthAsync(List<(string Name, DateOnly Birth)> pairs, CancellationToken ct)
    {
        var found = new List<Registered>();
        if (pairs.Count == 0) return found;
        var conn = db.Database.GetDbConnection();
        if (conn.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(ct);
        await using var cmd = conn.CreateCommand();
        const string Columns = "p.id, p.name, p.area_code, p.birth_date, p.id_number_cipher, p.document_cipher, p.phone_hash, p.registration, p.tags";
        if (db.Database.IsNpgsql())
        {
            // Two array parameters, whatever the chunk's size: one plan, nothing to parse per pair.
            Param(cmd, "@names", pairs.Select(p => p.Name).ToArray());
            Param(cmd, "@births", pairs.Select(p => p.Birth).ToArray());
            cmd.CommandText = $"""
                SELECT {Columns}
                FROM unnest(@names, @births) AS k(name, birth) JOIN people p ON p.name = k.name AND p.birth_date = k.birth
                """;
        }
        else
        {
            var values = new List<string>(pairs.Count);
            for (var i = 0; i < pairs.Count; i++)
            {
                values.Add($"(@n{i}, @d{i})");
                Param(cmd, $"@n{i}", pairs[i].Name);
                Param(cmd, $"@d{i}", pairs[i].Birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            cmd.CommandText = $"""
                WITH k(name, birth) AS (VALUES {string.Join(", ", values)})
                SELECT {Columns}
                FROM people p JOIN k ON p.name = k.name AND p.birth_date = k.birth
                """;
        }
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            found.Add(new Registered(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : DateOnly.FromDateTime(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), (RegistrationType)reader.GetInt32(7), reader.GetString(8)));
        return found;
    }

    private static void Param(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }

    /// <summary>
    /// Someone from abroad registered by passport or permit has no ID-number hash: the same document (decrypted, a few
    /// records only) and name among the people living in the row's house is the same record.
    /// </summary>
    private async Task<Dictionary<int, Registered>> SameDocumentInHouseAsync(List<ImportedRow> rows, Dictionary<int, HouseRef> houseOf, CancellationToken ct)
    {
        var found = new Dictionary<int, Registered>();
        if (rows.Count == 0) return found;
        var occupantIds = rows.SelectMany(r => _houseLinks[houseOf[r.RowNumber].Id].Select(l => l.PersonId)).Where(id => id > 0).Distinct().ToList();
        var occupants = await db.People.AsNoTracking().Where(p => occupantIds.Contains(p.Id) && p.IdNumberHash == null && p.DocumentCipher != null)
            .Select(Projection).ToListAsync(ct);
        foreach (var r in rows)
        {
            var house = houseOf[r.RowNumber].Id;
            var match = occupants.FirstOrDefault(p => p.Name == r.Resident!.Name && _houseLinks[house].Any(l => l.PersonId == p.Id)
                && pii.Reveal(p.DocumentCipher) == r.Resident.Document);
            if (match is not null) found[r.RowNumber] = match;
        }
        return found;
    }

    private (long Id, DuplicateReason Reason)? PossibleDuplicate(ImportedRow r, HouseRef? house, List<Registered> similar,
        Dictionary<long, List<(long HouseId, string AreaCode)>> links)
    {
        var v = r.Resident!;
        if (v.BirthDate is null) return null;
        var keys = similar.Where(p => p.Name == v.Name && p.BirthDate == v.BirthDate && Visible(p, links))
            .Select(p => new PersonKey(p.Id, p.Name, p.BirthDate, pii.Reveal(p.IdNumberCipher), links.GetValueOrDefault(p.Id)?.Select(l => l.HouseId).ToList() ?? []))
            .ToList();
        if (keys.Count == 0) return null;
        var candidate = new PersonKey(null, v.Name, v.BirthDate, v.IdNumber?.Value, house is null ? [] : [house.Id]);
        var possible = Duplicates.Possible(candidate, keys);
        return possible.Count == 0 ? null : possible.OrderBy(x => x.Reason).Select(x => (x.Existing.Id!.Value, x.Reason)).First();
    }

    /// <summary>The record with this ID number: what the row changes on it, or unchanged.</summary>
    private PeopleImportRow Existing(ImportedRow r, HouseRef? house, Registered p, string? idHash)
    {
        var v = r.Resident!;
        var row = Row(r, ImportOutcome.Unchanged, house);
        row.PersonId = p.Id;
        row.IdNumberMasked = v.IdNumber is { } id ? Domain.Security.PersonalNumbers.MaskIdCard(id.Value) : null;
        var phoneHash = v.Phone is null ? null : hash("phone:" + v.Phone);
        var tags = string.Join('|', v.Tags);
        var changed = p.Name != v.Name || p.Registration != v.Registration
            || (_phoneColumn && p.PhoneHash != phoneHash)
            || (_tagsColumn && !SameTags(p.Tags, v.Tags));
        if (house is not null)
        {
            if (_openLink.TryGetValue((p.Id, house.Id), out var linkId))
            {
                var current = _houseLinks[house.Id].First(l => l.PersonId == p.Id);
                if (current.Relation != r.Relation)
                {
                    var others = _houseLinks[house.Id].Where(l => l.PersonId != p.Id);
                    if (r.Relation == Relation.Head && ResidenceRules.CheckNew(others, current with { Relation = Relation.Head }, today) == ResidenceProblem.SecondHead)
                        return SecondHead(r);
                    row.ChangesLinkId = linkId;
                    _houseLinks[house.Id].Remove(current);
                    _houseLinks[house.Id].Add(current with { Relation = r.Relation!.Value });
                    changed = true;
                }
            }
            else
            {
                var link = new ResidenceLink(p.Id, house.Id, r.Relation!.Value, r.MovedIn ?? today);
                if (ResidenceRules.CheckNew(_houseLinks[house.Id], link, today) is { } problem)
                    return problem == ResidenceProblem.SecondHead ? SecondHead(r) : Error(r.RowNumber, [new(ImportColumn.Relation, "与户主关系：" + ResidenceRules.Chinese(problem), null)]);
                _houseLinks[house.Id].Add(link);
                row.AddsLink = true;
                changed = true;
            }
        }
        if (!changed) return row;
        row.Outcome = ImportOutcome.Update;
        row.IdNumberHash = idHash;
        Protect(row, v, withIdNumber: false);
        return row;
    }

    private static bool SameTags(string stored, IReadOnlyList<string> tags) =>
        (stored.Length == 0 ? [] : stored.Split('|')).ToHashSet(StringComparer.Ordinal).SetEquals(tags);

    private PeopleImportRow New(ImportedRow r, HouseRef? house, string? idHash)
    {
        var row = Row(r, ImportOutcome.New, house);
        if (house is not null)
        {
            var link = new ResidenceLink(-r.RowNumber, house.Id, r.Relation!.Value, r.MovedIn ?? today);
            if (ResidenceRules.CheckNew(_houseLinks[house.Id], link, today) is { } problem)
                return problem == ResidenceProblem.SecondHead ? SecondHead(r) : Error(r.RowNumber, [new(ImportColumn.Relation, "与户主关系：" + ResidenceRules.Chinese(problem), null)]);
            _houseLinks[house.Id].Add(link);
            row.AddsLink = true;
        }
        row.IdNumberHash = idHash;
        Protect(row, r.Resident!, withIdNumber: true);
        return row;
    }

    /// <summary>
    /// A possible duplicate, kept with its values for the decision. A row whose check character was mistyped keeps no
    /// ID number of its own (only the masked typed one): "same person" keeps the registered number, "different" is refused.
    /// </summary>
    private PeopleImportRow Review(ImportedRow r, HouseRef? house, long personId, DuplicateReason reason, string? typedIdNumber)
    {
        var row = Row(r, ImportOutcome.Review, house);
        row.PersonId = personId;
        row.ReviewReason = reason;
        Protect(row, r.Resident!, withIdNumber: typedIdNumber is null);
        if (typedIdNumber is not null) row.IdNumberMasked = typedIdNumber;
        return row;
    }

    private PeopleImportRow SecondHead(ImportedRow r) =>
        Error(r.RowNumber, [new(ImportColumn.Relation, "与户主关系：这一户已有户主（登记簿中或本表前面的行）；一户只能有一位户主", "户主")]);

    private PeopleImportRow Row(ImportedRow r, ImportOutcome outcome, HouseRef? house) => new()
    {
        BatchId = batch.Id,
        DistrictCode = batch.DistrictCode,
        RowNumber = r.RowNumber,
        Outcome = outcome,
        Name = r.Resident!.Name,
        BirthDate = r.Resident.BirthDate,
        Sex = r.Resident.Sex,
        Registration = r.Resident.Registration,
        Tags = string.Join('|', r.Resident.Tags),
        HouseId = house?.Id,
        Relation = house is null ? null : r.Relation,
        MovedIn = r.MovedIn,
        AreaCode = house?.AreaCode ?? batch.AreaCode,
    };

    /// <summary>The row's numbers as the registry keeps them: encrypted, masked and hashed.</summary>
    /// <remarks>Done for the whole chunk by <see cref="ProtectStaged"/>, in parallel.</remarks>
    private void Protect(PeopleImportRow row, ValidResident v, bool withIdNumber) => _toProtect.Add((row, v, withIdNumber));

    private List<(PeopleImportRow Row, ValidResident Resident, bool WithIdNumber)> _toProtect = [];

    /// <summary>
    /// Takes the numbers of the rows <see cref="MatchAsync"/> last staged, to encrypt and hash them with
    /// <see cref="ProtectStaged"/> (on any thread, beside the next chunk's matching).
    /// </summary>
    public IReadOnlyList<(PeopleImportRow Row, ValidResident Resident, bool WithIdNumber)> TakeStagedNumbers()
    {
        var taken = _toProtect;
        _toProtect = [];
        return taken;
    }

    /// <summary>
    /// Encrypts and hashes the numbers of staged rows: most of a chunk's CPU and each row's own, so on every core (the
    /// keyed hash and the Data Protection protector are thread-safe).
    /// </summary>
    public void ProtectStaged(IReadOnlyList<(PeopleImportRow Row, ValidResident Resident, bool WithIdNumber)> numbers) =>
        Parallel.For(0, numbers.Count, i => ProtectNow(numbers[i].Row, numbers[i].Resident, numbers[i].WithIdNumber));

    private void ProtectNow(PeopleImportRow row, ValidResident v, bool withIdNumber)
    {
        if (withIdNumber && v.IdNumber is { } id)
        {
            (row.IdNumberMasked, row.IdNumberCipher) = pii.ProtectIdCard(id.Value);
            row.IdNumberHash ??= hash("id:" + id.Value);
            row.IdBodyHash = hash("body:" + id.Body);
        }
        if (v.Document is { } doc) (row.DocumentMasked, row.DocumentCipher) = (MaskDocument(doc), pii.Protect(doc));
        if (v.Phone is { } phone)
        {
            (row.PhoneMasked, row.PhoneCipher) = pii.ProtectPhone(phone);
            row.PhoneHash = hash("phone:" + phone);
        }
    }

    // As the registry masks passports and permits: the first two and last two characters.
    private static string MaskDocument(string doc) => doc.Length <= 4 ? "****" : doc[..2] + new string('*', doc.Length - 4) + doc[^2..];

    private PeopleImportRow Error(int rowNumber, IReadOnlyList<ImportCellError> errors) => new()
    {
        BatchId = batch.Id,
        DistrictCode = batch.DistrictCode,
        RowNumber = rowNumber,
        Outcome = ImportOutcome.Error,
        Errors = JsonSerializer.Serialize(errors.Select(e => new ImportErrorDto(ImportColumns.Header(e.Column), e.Reason, e.Value)), ImportJson.Options),
    };
}
