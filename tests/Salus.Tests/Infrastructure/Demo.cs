namespace Salus.Tests.Infrastructure;

/// <summary>Demo accounts by role (see DemoOrganisation).</summary>
public static class Demo
{
    public const string Admin = "admin@demo.salus.local";
    public const string Auditor = "auditor@demo.salus.local";
    public const string Employee = "employee.it@demo.salus.local";
    public const string Legal = "legal@demo.salus.local";
    public const string Agent = "agent.it@demo.salus.local";
    public const string Patient = "patient@demo.salus.local";
}
