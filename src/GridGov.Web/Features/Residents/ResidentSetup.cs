namespace GridGov.Web.Features.Residents;

public static class ResidentSetup
{
    /// <summary>The resident channel's services; a real SMS gateway registered before this call replaces the demo sender.</summary>
    public static IServiceCollection AddResidents(this IServiceCollection services)
    {
        services.AddSingleton<PhoneLookup>();
        if (!services.Any(d => d.ServiceType == typeof(ISmsSender))) services.AddSingleton<ISmsSender, DemoSmsSender>();
        services.AddScoped<PhoneVerifier>();
        services.AddScoped<ResidentAccounts>();
        services.AddScoped<ResidentReports>();
        services.AddScoped<PublicServices>();
        services.AddScoped<PublicCases>();
        services.AddScoped<PublicMapQuery>();
        services.AddScoped<MyCases>();
        return services;
    }
}
