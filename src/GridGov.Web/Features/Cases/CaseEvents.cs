using GridGov.Data;
using GridGov.Data.Entities;
using GridGov.Domain.Cases;
using GridGov.Web.Hosting.Security;

namespace GridGov.Web.Features.Cases;

/// <summary>
/// Published inside the transaction that writes a case (before it is saved, on the EF path): handlers add their own
/// rows to the same unit of work, so they commit or fail with the case (e.g. the indicators' dirty-markers).
/// <paramref name="Before"/> is the case as loaded (null for a new case). The group-committed intake batch writes the
/// indicators' daily marker itself, in its one statement.
/// </summary>
public sealed record CaseSaving(GridGovDb Db, Case Case, Case? Before);

/// <summary>Published after a case was created or changed and committed (live screens, notifications).</summary>
public sealed record CaseChanged(CaseSummary Case, CaseAction Action, Actor Actor);
