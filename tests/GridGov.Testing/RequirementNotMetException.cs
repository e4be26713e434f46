namespace GridGov.Testing;

/// <summary>Thrown under CI=true when an external dependency is missing, so CI fails instead of silently skipping.</summary>
public sealed class RequirementNotMetException(string message) : Exception(message);
