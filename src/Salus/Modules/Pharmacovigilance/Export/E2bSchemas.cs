using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Salus.Modules.Pharmacovigilance.Export;

/// <summary>
/// The ICH E2B(R3) XSD set (embedded in the assembly, see Schemas/ATTRIBUTION.md) compiled once, and validation of
/// ICSR batch messages (<c>MCCI_IN200100UV01</c>) against it.
/// </summary>
public static class E2bSchemas
{
    private const string Prefix = "Salus.Pv.E2b.";
    private const string Root = "https://schemas.salus.invalid/e2b/";

    private static readonly Lazy<XmlSchemaSet> Set = new(Compile);

    public static XmlSchemaSet Schemas => Set.Value;

    /// <summary>Validation messages (errors and warnings) with line numbers; empty = valid.</summary>
    public static IReadOnlyList<string> Validate(string xml)
    {
        var messages = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = Schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => messages.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return messages;
    }

    public static IReadOnlyList<string> Validate(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Validate(document.ToString(SaveOptions.DisableFormatting));
    }

    private static XmlSchemaSet Compile()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        var rootUri = Root + "multicacheschemas/MCCI_IN200100UV01.xsd";
        using var stream = Open(rootUri) ?? throw new InvalidOperationException("The embedded E2B(R3) schemas are missing.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }, rootUri);
        set.Add("urn:hl7-org:v3", reader);
        set.Compile();
        return set;
    }

    private static Stream? Open(string absoluteUri)
    {
        if (!absoluteUri.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var relative = absoluteUri[Root.Length..];
        var assembly = typeof(E2bSchemas).Assembly;
        var name = assembly.GetManifestResourceNames().FirstOrDefault(n =>
            string.Equals(n.Replace('\\', '/'), Prefix + relative, StringComparison.Ordinal));
        return name is null ? null : assembly.GetManifestResourceStream(name);
    }

    /// <summary>Resolves the schemas' relative includes to the embedded copies and nothing else (no network, no disk).</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn) =>
            Open(absoluteUri.AbsoluteUri) ?? throw new XmlSchemaException($"Schema {absoluteUri} is not part of the embedded E2B(R3) set.");

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            baseUri is null ? new Uri(new Uri(Root), relativeUri) : new Uri(baseUri, relativeUri);
    }
}
