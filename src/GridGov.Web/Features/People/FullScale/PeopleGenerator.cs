using System.Diagnostics;
using GridGov.Data;
using GridGov.Domain.Areas;
using GridGov.Domain.Demo;
using GridGov.Domain.People;
using GridGov.Web.Hosting;
using GridGov.Web.Hosting.Security;
using Npgsql;
using NpgsqlTypes;

namespace GridGov.Web.Features.People.FullScale;

public sealed record GeneratedRegistry(int MicroGrids, long Compounds, long Buildings, long Houses, long People, TimeSpan Elapsed);

/// <summary>
/// Loads a city's order of magnitude of households into PostgreSQL (Chengdu: 21 million residents, 9 million houses)
/// for benchmarks and load tests: <see cref="DemoHomes"/> in every micro-grid of the seeded city, numbers encrypted,
/// masked and hashed with the app's own keys (so the app can look them up and reveal them), written with binary COPY.
/// The households are generated five times with the same seeds, one table per pass, so every table is one COPY whose
/// foreign keys point at rows already committed. ID numbers start at sequence 300 of each birth day and region,
/// apart from the demo households'.
/// </summary>
public sealed class PeopleGenerator(Database database, PersonalData pii, PeopleLookup lookup, TimeProvider time)
{
    private const int ChunkSize = 100; // micro-grids per generated chunk (one seed each)
    private const double HousesPerBuilding = 25.5; // DemoHomes' average: 1.5 units × 8.5 floors × 2 doors

    public async Task<GeneratedRegistry> RunAsync(long people, Action<string, long>? progress, CancellationToken ct)
    {
        if (database.Provider != DatabaseProvider.Postgres)
            throw new InvalidOperationException("generate-people writes with PostgreSQL's COPY: use --provider postgres.");
        var clock = Stopwatch.StartNew();
        // A COPY of millions of rows completes (index and foreign-key work) long after the default 30 s command timeout.
        await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 0 }.ConnectionString);
        await conn.OpenAsync(ct);
        var all = await MicroGridsAsync(conn, ct);
        if (all.Count == 0) throw new InvalidOperationException("No micro-grids: seed the city first (seed --scale full).");
        // 21 people live in 9 houses: choose buildings per compound so the city reaches the people asked for; fewer
        // people than one building per micro-grid holds go to every k-th micro-grid, spread over the whole city.
        var houses = people * 9.0 / 21.0;
        var buildings = Math.Max(1, (int)Math.Round(houses / all.Count / HousesPerBuilding));
        var used = (int)Math.Min(all.Count, Math.Ceiling(houses / (buildings * HousesPerBuilding)));
        var stride = (double)all.Count / used;
        var grids = Enumerable.Range(0, used).Select(i => all[(int)(i * stride)]).ToList();
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(8));
        var start = await NextIdsAsync(conn, ct);
        var hashes = await lookup.HashesAsync(ct);
        pii.Warm();

        var plan = new Plan(grids, today, buildings, start);
        // One transaction: a run that fails (a clash with an earlier run's numbers, a full disk) leaves nothing behind.
        (long Compounds, long Buildings, long Houses, long People) counts;
        await using (var tx = await conn.BeginTransactionAsync(ct))
        {
            try
            {
                counts = await CopyAllAsync(conn, plan, hashes, progress, ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new InvalidOperationException(
                    "Generated ID numbers clash with residents already in this database (an earlier generate-people run?): nothing was written. Generate into a freshly seeded database.", e);
            }
            await tx.CommitAsync(ct);
        }
        await FinishAsync(conn, ct);
        return new GeneratedRegistry(grids.Count, counts.Compounds, counts.Buildings, counts.Houses, counts.People, clock.Elapsed);
    }

    private async Task<(long, long, long, long)> CopyAllAsync(NpgsqlConnection conn, Plan plan, PeopleHashes hashes, Action<string, long>? progress, CancellationToken ct)
    {
        var compounds = await CopyAsync(conn, "COPY compounds (id, name, area_code, district_code, address, property_company, property_contact, self_governance, created_at) FROM STDIN (FORMAT BINARY)",
            plan, progress, "compounds", (w, e) => e.Building is null && e.Compound is { } c && Row(w, e.CompoundId, c.Name, e.Area, e.District, c.Address, c.PropertyCompany, c.PropertyContact, c.SelfGovernance, e.Now), ct);
        var buildingCount = await CopyAsync(conn, "COPY buildings (id, compound_id, name, area_code, district_code, units, floors, houses_per_floor, created_at) FROM STDIN (FORMAT BINARY)",
            plan, progress, "buildings", (w, e) => e.House is null && e.Building is { } b && BuildingRow(w, e, b), ct);
        var houseCount = await CopyAsync(conn, "COPY houses (id, building_id, area_code, district_code, unit, floor, number, address, use, floor_area, verified_at, created_at) FROM STDIN (FORMAT BINARY)",
            plan, progress, "houses", (w, e) => e.Resident is null && e.House is { } h && HouseRow(w, e, h), ct);
        var personCount = await CopyAsync(conn, "COPY people (id, name, area_code, district_code, id_number_masked, id_number_cipher, id_number_hash, id_body_hash, birth_date, sex, phone_masked, phone_cipher, phone_hash, registration, tags, created_at, updated_at) FROM STDIN (FORMAT BINARY)",
            plan, progress, "people", (w, e) => e.Resident is { } r && PersonRow(w, e, r, hashes), ct);
        await CopyAsync(conn, "COPY residences (id, person_id, house_id, relation, \"from\", area_code, district_code, created_at) FROM STDIN (FORMAT BINARY)",
            plan, progress, "residences", (w, e) => e.Resident is { } r && ResidenceRow(w, e, r), ct);
        return (compounds, buildingCount, houseCount, personCount);
    }

    private static bool BuildingRow(NpgsqlBinaryImporter w, Event e, DemoBuilding b)
    {
        w.StartRow();
        w.Write(e.BuildingId, NpgsqlDbType.Bigint);
        w.Write(e.CompoundId, NpgsqlDbType.Bigint);
        w.Write(b.Name, NpgsqlDbType.Varchar);
        w.Write(e.Area, NpgsqlDbType.Varchar);
        w.Write(e.District, NpgsqlDbType.Varchar);
        w.Write(b.Units, NpgsqlDbType.Integer);
        w.Write(b.Floors, NpgsqlDbType.Integer);
        w.Write(b.HousesPerFloor, NpgsqlDbType.Integer);
        w.Write(e.Now, NpgsqlDbType.TimestampTz);
        return true;
    }

    private static bool HouseRow(NpgsqlBinaryImporter w, Event e, DemoHouse h)
    {
        var number = HouseAddresses.Number(h.Floor, h.Door);
        w.StartRow();
        w.Write(e.HouseId, NpgsqlDbType.Bigint);
        w.Write(e.BuildingId, NpgsqlDbType.Bigint);
        w.Write(e.Area, NpgsqlDbType.Varchar);
        w.Write(e.District, NpgsqlDbType.Varchar);
        w.Write(h.Unit, NpgsqlDbType.Integer);
        w.Write(h.Floor, NpgsqlDbType.Integer);
        w.Write(number, NpgsqlDbType.Varchar);
        w.Write(HouseAddresses.Full(e.Prefix, e.Compound!.Name, e.Building!.Name, h.Unit, number), NpgsqlDbType.Varchar);
        w.Write((int)h.Use, NpgsqlDbType.Integer);
        w.Write(h.FloorArea, NpgsqlDbType.Double);
        if (h.VerifiedDaysAgo is { } d) w.Write(e.Now.AddDays(-d), NpgsqlDbType.TimestampTz); else w.WriteNull();
        w.Write(e.Now, NpgsqlDbType.TimestampTz);
        return true;
    }

    private bool PersonRow(NpgsqlBinaryImporter w, Event e, DemoResident r, PeopleHashes hashes)
    {
        var (idMasked, idCipher) = pii.ProtectIdCard(r.IdNumber.Value);
        w.StartRow();
        w.Write(e.PersonId, NpgsqlDbType.Bigint);
        w.Write(r.Name, NpgsqlDbType.Varchar);
        w.Write(e.Area, NpgsqlDbType.Varchar);
        w.Write(e.District, NpgsqlDbType.Varchar);
        w.Write(idMasked, NpgsqlDbType.Varchar);
        w.Write(idCipher, NpgsqlDbType.Varchar);
        w.Write(hashes.Id(r.IdNumber.Value), NpgsqlDbType.Varchar);
        w.Write(hashes.Body(r.IdNumber.Body), NpgsqlDbType.Varchar);
        w.Write(r.IdNumber.BirthDate, NpgsqlDbType.Date);
        w.Write((int)r.IdNumber.Sex, NpgsqlDbType.Integer);
        if (r.Phone is { } phone)
        {
            var (masked, cipher) = pii.ProtectPhone(phone);
            w.Write(masked, NpgsqlDbType.Varchar);
            w.Write(cipher, NpgsqlDbType.Varchar);
            w.Write(hashes.Phone(phone), NpgsqlDbType.Varchar);
        }
        else
        {
            w.WriteNull();
            w.WriteNull();
            w.WriteNull();
        }
        w.Write((int)r.Registration, NpgsqlDbType.Integer);
        w.Write(string.Join('|', r.Tags), NpgsqlDbType.Varchar);
        w.Write(e.Now, NpgsqlDbType.TimestampTz);
        w.Write(e.Now, NpgsqlDbType.TimestampTz);
        return true;
    }

    private static bool ResidenceRow(NpgsqlBinaryImporter w, Event e, DemoResident r)
    {
        w.StartRow();
        w.Write(e.PersonId, NpgsqlDbType.Bigint); // one link per person: the residence takes the person's id
        w.Write(e.PersonId, NpgsqlDbType.Bigint);
        w.Write(e.HouseId, NpgsqlDbType.Bigint);
        w.Write((int)r.Relation, NpgsqlDbType.Integer);
        w.Write(r.From, NpgsqlDbType.Date);
        w.Write(e.Area, NpgsqlDbType.Varchar);
        w.Write(e.District, NpgsqlDbType.Varchar);
        w.Write(e.Now, NpgsqlDbType.TimestampTz);
        return true;
    }

    private static bool Row(NpgsqlBinaryImporter w, long id, string name, string area, string district, string address, string company, string contact, string selfGovernance, DateTime now)
    {
        w.StartRow();
        w.Write(id, NpgsqlDbType.Bigint);
        w.Write(name, NpgsqlDbType.Varchar);
        w.Write(area, NpgsqlDbType.Varchar);
        w.Write(district, NpgsqlDbType.Varchar);
        w.Write(address, NpgsqlDbType.Varchar);
        w.Write(company, NpgsqlDbType.Varchar);
        w.Write(contact, NpgsqlDbType.Varchar);
        w.Write(selfGovernance, NpgsqlDbType.Varchar);
        w.Write(now, NpgsqlDbType.TimestampTz);
        return true;
    }

    /// <summary>One table's pass: every event of the plan offered to <paramref name="write"/>, which writes a row or not.</summary>
    private static async Task<long> CopyAsync(NpgsqlConnection conn, string copy, Plan plan, Action<string, long>? progress, string table,
        Func<NpgsqlBinaryImporter, Event, bool> write, CancellationToken ct)
    {
        long rows = 0;
        await using (var w = await conn.BeginBinaryImportAsync(copy, ct))
        {
            foreach (var e in plan.Events())
            {
                if (!write(w, e)) continue;
                if (++rows % 100_000 == 0) progress?.Invoke(table, rows);
                ct.ThrowIfCancellationRequested();
            }
            await w.CompleteAsync(ct);
        }
        progress?.Invoke(table, rows);
        return rows;
    }

    private static async Task<List<(string Code, string Prefix)>> MicroGridsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        var names = new Dictionary<string, string>();
        await using (var cmd = new NpgsqlCommand("SELECT code, name FROM areas WHERE kind IN (1, 2, 3)", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) names[r.GetString(0)] = HouseAddresses.PlaceName(r.GetString(1));
        var grids = new List<(string, string)>();
        await using (var cmd = new NpgsqlCommand($"SELECT code FROM areas WHERE kind = {(int)AreaKind.MicroGrid} ORDER BY code", conn))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var code = r.GetString(0);
                grids.Add((code, names.GetValueOrDefault(code[..AreaCode.DistrictLength]) + names.GetValueOrDefault(code[..AreaCode.StreetLength])
                    + names.GetValueOrDefault(code[..AreaCode.CommunityLength])));
            }
        return grids;
    }

    private static async Task<Ids> NextIdsAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        async Task<long> Next(string table)
        {
            await using var cmd = new NpgsqlCommand($"SELECT coalesce(max(id), 0) + 1 FROM {table}", conn);
            return (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        // Residences take their person's id, so they start where people do (a table with links of its own starts higher).
        var person = Math.Max(await Next("people"), await Next("residences"));
        return new Ids(await Next("compounds"), await Next("buildings"), await Next("houses"), person);
    }

    private static async Task FinishAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        foreach (var table in new[] { "compounds", "buildings", "houses", "people", "residences" })
        {
            await using var cmd = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table})); ANALYZE {table};", conn) { CommandTimeout = 3600 };
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private sealed record Ids(long Compound, long Building, long House, long Person);

    /// <summary>One generated thing with the ids it and its parents get: the deepest payload set is the thing (a resident's event carries its house too).</summary>
    private sealed record Event(DateTime Now, string Area, string District, string Prefix, long CompoundId, long BuildingId, long HouseId, long PersonId,
        DemoCompound? Compound, DemoBuilding? Building, DemoHouse? House, DemoResident? Resident);

    /// <summary>The whole city's households, generated the same way on every pass (same seeds, same order, same ids).</summary>
    private sealed class Plan(List<(string Code, string Prefix)> grids, DateOnly today, int buildings, Ids start)
    {
        private readonly DateTime _now = DateTime.UtcNow;

        public IEnumerable<Event> Events()
        {
            var numbers = new DemoHomes.Numbers(firstSequence: 300);
            var (compoundId, buildingId, houseId, personId) = (start.Compound, start.Building, start.House, start.Person);
            var prefixes = grids.ToDictionary(g => g.Code, g => g.Prefix);
            for (var chunk = 0; chunk * ChunkSize < grids.Count; chunk++)
            {
                var slice = grids.Skip(chunk * ChunkSize).Take(ChunkSize)
                    .Select(g => (g.Code, g.Prefix + "建设路", g.Code[..AreaCode.DistrictLength])).ToList();
                foreach (var c in DemoHomes.Generate(slice, today, seed: 7_000_000 + chunk, numbers, buildings))
                {
                    var district = c.AreaCode[..AreaCode.DistrictLength];
                    var prefix = prefixes[c.AreaCode];
                    var cid = compoundId++;
                    yield return new Event(_now, c.AreaCode, district, prefix, cid, 0, 0, 0, c, null, null, null);
                    foreach (var b in c.Buildings)
                    {
                        var bid = buildingId++;
                        yield return new Event(_now, c.AreaCode, district, prefix, cid, bid, 0, 0, c, b, null, null);
                        foreach (var h in b.Houses)
                        {
                            var hid = houseId++;
                            yield return new Event(_now, c.AreaCode, district, prefix, cid, bid, hid, 0, c, b, h, null);
                            foreach (var r in h.Residents)
                                yield return new Event(_now, c.AreaCode, district, prefix, cid, bid, hid, personId++, c, b, h, r);
                        }
                    }
                }
            }
        }
    }
}
