namespace GridGov.Web.Hosting.Security;

/// <summary>Headers every response carries: no framing, no sniffing, a strict CSP (relaxed only for the API explorer).</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext http)
    {
        var h = http.Response.Headers;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
        if (http.Request.Path.Equals("/field-sw.js")) h["Service-Worker-Allowed"] = "/";
        h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api-docs")
            ? "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'"
            : "default-src 'self'; img-src 'self' data: blob: https:; style-src 'self'; script-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return next(http);
    }
}
