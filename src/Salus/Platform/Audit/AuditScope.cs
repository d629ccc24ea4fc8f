using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace Salus.Platform.Audit;

/// <summary>
/// Who is acting and why, for the current request or command. Handlers set <see cref="Reason"/> when the user
/// gave one; the actor comes from the signed-in user, or from <see cref="ActAs"/> for the CLI and jobs.
/// </summary>
public sealed class AuditScope(IHttpContextAccessor? http = null)
{
    private (string Id, string Name)? _explicitActor;

    public string? Reason { get; set; }

    public void ActAs(string id, string name) => _explicitActor = (id, name);

    public (string Id, string Name) Actor
    {
        get
        {
            if (_explicitActor is { } actor)
            {
                return actor;
            }

            var user = http?.HttpContext?.User;
            if (user?.Identity?.IsAuthenticated == true)
            {
                var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "unknown";
                var name = user.FindFirstValue(ClaimTypes.Name) ?? id;
                return (id, name);
            }

            return http?.HttpContext is null ? ("system", "system") : ("anonymous", "anonymous");
        }
    }
}
