using GridGov.Domain.People;
using GridGov.Web.Ui;

namespace GridGov.Web.Features.Verification;

/// <summary>Labels in the reader's language (the People module keeps its own label helpers internal).</summary>
internal static class VerificationLabels
{
    public static string Of(VerificationState state) => UiText.IsEnglish ? state.Wire() : state.Chinese();
}

internal static class PeopleLabels
{
    public static string Of(HouseUse use) => UiText.IsEnglish ? use.Wire().Replace('_', ' ') : use.Chinese();
    public static string Of(Relation relation) => UiText.IsEnglish ? relation.Wire().Replace('_', ' ') : relation.Chinese();
}
