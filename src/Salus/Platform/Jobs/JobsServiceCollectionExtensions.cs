using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Salus.Platform.Jobs;

public static class JobsServiceCollectionExtensions
{
    public static IServiceCollection AddSalusJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JobsOptions>().Bind(configuration.GetSection(JobsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<JobQueue>();
        services.AddSingleton<JobWorker>();
        if (configuration.GetValue($"{JobsOptions.Section}:RunWorker", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<JobWorker>());
        }

        return services;
    }

    public static IServiceCollection AddJobHandler<THandler>(this IServiceCollection services, string type)
        where THandler : class, IJobHandler =>
        services.AddKeyedScoped<IJobHandler, THandler>(type);
}
