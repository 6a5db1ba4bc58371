using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EthCx.Services.Configuration;

/// <summary>Registers EthCx in a service collection.</summary>
public static class EthCxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="EthCxConnector"/> (singleton) with options bound from the <c>EthCx</c> section and the
    /// <c>ETHCX_*</c> keys of <paramref name="configuration"/> (add environment variables to it to honour them).
    /// Resolve the connector and <c>await ConnectAsync()</c> for the services.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddEthCx(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddEthCx(options => EthCxOptions.Bind(configuration, options));
    }

    /// <summary>Registers <see cref="EthCxConnector"/> (singleton) with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddEthCx(this IServiceCollection services, Action<EthCxOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<EthCxOptions>().Configure(configure);
        services.TryAddSingleton<EthCxConnector>();
        return services;
    }
}
