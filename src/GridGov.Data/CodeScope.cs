using System.Linq.Expressions;
using GridGov.Domain.Areas;

namespace GridGov.Data;

/// <summary>
/// Filters any query to rows whose area code lies inside one of several areas: an OR of primary-key style ranges
/// (code >= prefix AND code &lt; UpperBound(prefix)), which both providers serve from an index.
/// </summary>
public static class CodeScope
{
    private static readonly System.Reflection.MethodInfo Compare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static IQueryable<T> WithinAny<T>(this IQueryable<T> query, Expression<Func<T, string>> code, IReadOnlyCollection<string> areas) =>
        query.Where(Predicate(code, areas));

    /// <summary>The same test as an expression, to combine with other conditions (e.g. "or assigned to me").</summary>
    public static Expression<Func<T, bool>> Predicate<T>(Expression<Func<T, string>> code, IReadOnlyCollection<string> areas)
    {
        if (areas.Count == 0) return Expression.Lambda<Func<T, bool>>(Expression.Constant(false), code.Parameters);
        Expression? any = null;
        foreach (var area in areas)
        {
            Expression range = Expression.GreaterThanOrEqual(
                Expression.Call(Compare, code.Body, Expression.Constant(area)), Expression.Constant(0));
            if (AreaCode.UpperBound(area) is { } upper)
                range = Expression.AndAlso(range, Expression.LessThan(
                    Expression.Call(Compare, code.Body, Expression.Constant(upper)), Expression.Constant(0)));
            any = any is null ? range : Expression.OrElse(any, range);
        }
        return Expression.Lambda<Func<T, bool>>(any!, code.Parameters);
    }

    /// <summary>a OR b over the same parameter.</summary>
    public static Expression<Func<T, bool>> Or<T>(this Expression<Func<T, bool>> a, Expression<Func<T, bool>> b)
    {
        var body = new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body);
        return Expression.Lambda<Func<T, bool>>(Expression.OrElse(a.Body, body), a.Parameters);
    }

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
