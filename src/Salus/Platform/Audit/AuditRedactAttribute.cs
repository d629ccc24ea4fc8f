namespace Salus.Platform.Audit;

/// <summary>The property's value never reaches the audit trail (secrets, key material); only that it changed.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AuditRedactAttribute : Attribute;

/// <summary>Changes to this entity are not audited row by row (high-volume infrastructure such as the job queue).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class NotAuditedAttribute : Attribute;
