// Deliberately broken code: each architecture rule must report these, proving the rule can fail.
#pragma warning disable CA1812, CA1822, IDE0051
namespace Planted.Modules.Alpha
{
    internal sealed class AlphaHandler
    {
        // Violation: reaches into module Beta's internals instead of its Contracts.
        public int Run() => new Planted.Modules.Beta.Internals.BetaSecret().Value;

        public Planted.Modules.Beta.Contracts.IBetaApi? Allowed { get; set; }
    }
}

namespace Planted.Modules.Alpha.Domain
{
    internal sealed class AlphaEntity
    {
        // Violation: domain code that knows about HTTP.
        public Microsoft.AspNetCore.Http.HttpContext? Context { get; set; }
    }
}

namespace Planted.Modules.Beta.Internals
{
    internal sealed class BetaSecret
    {
        public int Value => 42;
    }
}

namespace Planted.Modules.Beta.Contracts
{
    public interface IBetaApi
    {
        int Get();
    }
}

namespace Planted.Platform.Audit
{
    internal sealed class PlatformThing
    {
        // Violation: the platform depends on a module.
        public Planted.Modules.Alpha.AlphaHandler? Handler { get; set; }
    }
}

namespace Planted.Engine
{
    internal sealed class ImpureDetector
    {
        // Violation: the engine touches the database layer.
        public Microsoft.EntityFrameworkCore.DbContext? Db { get; set; }
    }
}
#pragma warning restore CA1812, CA1822, IDE0051
