using ChatCouncil.Inference.Registry;
using Microsoft.Extensions.Hosting;

namespace ChatCouncil.Inference;

/// <summary>
/// Loads every role's default model before the host starts serving, so a missing or broken model
/// file stops start-up with a message naming the file and the fix.
/// </summary>
internal sealed class ModelStartupService(ModelRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => registry.LoadDefaultsAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
