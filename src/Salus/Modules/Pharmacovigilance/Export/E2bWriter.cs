using System.Globalization;
using System.Text;
using System.Xml.Linq;
using Salus.Modules.Pharmacovigilance.Domain;
using Salus.Modules.Pharmacovigilance.Features.Intake;

namespace Salus.Modules.Pharmacovigilance.Export;

/// <summary>Who sends the message and when; the same case exported twice at the same moment gives the same bytes.</summary>
public sealed record E2bContext(string SenderId, string SenderOrganisation, DateTime NowUtc);

/// <summary>
/// Writes one case as an ICH E2B(R3) ICSR batch (<c>MCCI_IN200100UV01</c> with one <c>PORR_IN049016UV</c>), following
/// the element order of the ICH schemas and the shape of the FDA example instances. Social handles never leave:
/// the reporter's name is masked (nullFlavor MSK) and texts carry the case's reporter pseudonym instead.
/// </summary>
public static class E2bWriter
{
    public static readonly XNamespace Hl7 = "urn:hl7-org:v3";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    private const string Oid = "2.16.840.1.113883.3.989.2.1";
    private const string MedDraOid = "2.16.840.1.113883.6.163";
    private const string CountryOid = "1.0.3166.1.2.2";

    public static XDocument Write(PvCase pvCase, E2bContext context, IReadOnlyList<ReactionTerm>? terms = null)
    {
        ArgumentNullException.ThrowIfNull(pvCase);
        ArgumentNullException.ThrowIfNull(context);
        var rule = pvCase.Rule();
        var country = CountryOf(pvCase.Market);
        var now = Ts(context.NowUtc);
        var caseId = $"{country ?? "EU"}-{context.SenderId}-{pvCase.Number}";
        var lastInfo = pvCase.FollowUps.Where(f => f.Kind == FollowUpKind.Reply).Select(f => f.AtUtc).DefaultIfEmpty(pvCase.ReceivedUtc).Max();
        var stamp = context.NowUtc.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var productIds = pvCase.Products.ToDictionary(p => p.Id, p => p.Id.ToString());
        var reactionIds = pvCase.Reactions.ToDictionary(r => r.Id, r => r.Id.ToString());

        var patient = E("primaryRole", A("classCode", "INVSBJ"),
            E("player1", A("classCode", "PSN"), A("determinerCode", "INSTANCE"),
                pvCase.PatientInitials is { Length: > 0 } initials && pvCase.PseudonymisedUtc is null
                    ? E("name", initials)
                    : E("name", A("nullFlavor", pvCase.PseudonymisedUtc is null ? "UNK" : "MSK")),
                pvCase.PatientSex == PatientSex.Unknown
                    ? E("administrativeGenderCode", A("nullFlavor", "UNK"))
                    : E("administrativeGenderCode", A("code", pvCase.PatientSex == PatientSex.Male ? "1" : "2"), A("codeSystem", "1.0.5218"))),
            pvCase.PatientAgeYears is { } age
                ? E("subjectOf2", A("typeCode", "SBJ"), E("observation", A("classCode", "OBS"), A("moodCode", "EVN"),
                    Code("3", $"{Oid}.1.19", "age"), new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "PQ"), A("value", age.ToString(CultureInfo.InvariantCulture)), A("unit", "a"))))
                : null,
            pvCase.Reactions.Select(r => Reaction(pvCase, r, reactionIds[r.Id], country, terms)),
            pvCase.Products.Count == 0 ? null : E("subjectOf2", A("typeCode", "SBJ"),
                E("organizer", A("classCode", "CATEGORY"), A("moodCode", "EVN"),
                    Code("4", $"{Oid}.1.20", "drugInformation"),
                    pvCase.Products.Select(p => E("component", A("typeCode", "COMP"), Drug(p, productIds[p.Id], country))))));

        var assessment = E("adverseEventAssessment", A("classCode", "INVSTG"), A("moodCode", "EVN"),
            E("subject1", A("typeCode", "SBJ"), patient),
            pvCase.Products.Select(p => E("component", A("typeCode", "COMP"),
                E("causalityAssessment", A("classCode", "OBS"), A("moodCode", "EVN"),
                    Code("20", $"{Oid}.1.19", "interventionCharacterization"),
                    new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"), A("code", RoleCode(p.Role)), A("codeSystem", $"{Oid}.1.13")),
                    E("subject2", A("typeCode", "SUBJ"), E("productUseReference", A("classCode", "SBADM"), A("moodCode", "EVN"), E("id", A("root", productIds[p.Id]))))))),
            E("component1", A("typeCode", "COMP"), E("observationEvent", A("classCode", "OBS"), A("moodCode", "EVN"),
                Code("10", $"{Oid}.1.19", "comment"),
                Ed($"Spontaneous report received on social media ({pvCase.Channel ?? "channel"}) from reporter {pvCase.ReporterPseudonym}; Salus case {pvCase.Number}."),
                E("author", A("typeCode", "AUT"), E("assignedEntity", A("classCode", "ASSIGNED"), Code("1", $"{Oid}.1.21", "sender"))))));

        var investigation = E("investigationEvent", A("classCode", "INVSTG"), A("moodCode", "EVN"),
            E("id", A("extension", caseId), A("root", $"{Oid}.3.1")),
            E("id", A("extension", caseId), A("root", $"{Oid}.3.2")),
            E("code", A("code", "PAT_ADV_EVNT"), A("codeSystem", "2.16.840.1.113883.5.4")),
            E("text", Narrative(pvCase, terms)),
            E("statusCode", A("code", "active")),
            E("effectiveTime", E("low", A("value", Ts(pvCase.ReceivedUtc)))),
            E("availabilityTime", A("value", Ts(lastInfo))),
            E("component", A("typeCode", "COMP"), assessment),
            E("component", A("typeCode", "COMP"), Observation("1", "additionalDocumentsAvailable", Bl(false))),
            E("component", A("typeCode", "COMP"), Observation("23", "localCriteriaForExpedited", Bl(rule.Kind is "expedited-15" or "fda-15-day-alert"))),
            rule.Kind == "fda-15-day-alert"
                ? E("component", A("typeCode", "COMP"), E("observationEvent", A("classCode", "OBS"), A("moodCode", "EVN"),
                    E("code", A("code", "C54588"), A("codeSystem", "2.16.840.1.113883.3.26.1.1"), A("displayName", "localCriteriaReportType")),
                    new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"), A("code", "1"), A("codeSystem", "2.16.840.1.113883.3.989.5.1.2.2.1.1.1"), A("displayName", "15-Day"))))
                : null,
            E("outboundRelationship", A("typeCode", "SPRT"),
                E("relatedInvestigation", A("classCode", "INVSTG"), A("moodCode", "EVN"),
                    Code("1", $"{Oid}.1.22", "initialReport"),
                    E("subjectOf2", A("typeCode", "SUBJ"), E("controlActEvent", A("classCode", "CACT"), A("moodCode", "EVN"),
                        E("author", A("typeCode", "AUT"), E("assignedEntity", A("classCode", "ASSIGNED"), Code("2", $"{Oid}.1.3", "other"))))))),
            E("outboundRelationship", A("typeCode", "SPRT"), E("priorityNumber", A("value", "1")),
                E("relatedInvestigation", A("classCode", "INVSTG"), A("moodCode", "EVN"),
                    Code("2", $"{Oid}.1.22", "sourceReport"),
                    E("subjectOf2", A("typeCode", "SUBJ"), E("controlActEvent", A("classCode", "CACT"), A("moodCode", "EVN"),
                        E("author", A("typeCode", "AUT"), E("assignedEntity", A("classCode", "ASSIGNED"),
                            E("assignedPerson", A("classCode", "PSN"), A("determinerCode", "INSTANCE"),
                                E("name", A("nullFlavor", "MSK")),
                                E("asQualifiedEntity", A("classCode", "QUAL"), Code("5", $"{Oid}.1.6", "Consumer or other non health professional")),
                                country is null ? null : E("asLocatedEntity", A("classCode", "LOCE"),
                                    E("location", A("classCode", "COUNTRY"), A("determinerCode", "INSTANCE"), E("code", A("code", country), A("codeSystem", CountryOid))))))))))),
            E("subjectOf1", A("typeCode", "SUBJ"), E("controlActEvent", A("classCode", "CACT"), A("moodCode", "EVN"),
                E("author", A("typeCode", "AUT"), E("assignedEntity", A("classCode", "ASSIGNED"),
                    E("code", A("code", "1"), A("codeSystem", $"{Oid}.1.7")),
                    E("representedOrganization", A("classCode", "ORG"), A("determinerCode", "INSTANCE"),
                        E("name", "Pharmacovigilance"),
                        E("assignedEntity", A("classCode", "ASSIGNED"),
                            E("representedOrganization", A("classCode", "ORG"), A("determinerCode", "INSTANCE"), E("name", context.SenderOrganisation)))))))),
            E("subjectOf2", A("typeCode", "SUBJ"), E("investigationCharacteristic", A("classCode", "OBS"), A("moodCode", "EVN"),
                Code("1", $"{Oid}.1.23", "ICH ReportType"),
                new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"), A("code", "1"), A("displayName", "Spontaneous report"), A("codeSystem", $"{Oid}.1.2")))),
            E("subjectOf2", A("typeCode", "SUBJ"), E("investigationCharacteristic", A("classCode", "OBS"), A("moodCode", "EVN"),
                Code("2", $"{Oid}.1.23", "otherCaseIds"),
                new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "BL"), A("nullFlavor", "NI")))));

        var message = E("PORR_IN049016UV",
            E("id", A("extension", $"{pvCase.Number}-{stamp}"), A("root", $"{Oid}.3.1")),
            E("creationTime", A("value", now)),
            E("interactionId", A("extension", "PORR_IN049016UV"), A("root", "2.16.840.1.113883.1.6")),
            E("processingCode", A("code", "P")),
            E("processingModeCode", A("code", "T")),
            E("acceptAckCode", A("code", "AL")),
            Device("receiver", "RCV", rule.Receiver, $"{Oid}.3.12"),
            Device("sender", "SND", context.SenderId, $"{Oid}.3.11"),
            E("controlActProcess", A("classCode", "CACT"), A("moodCode", "EVN"),
                E("code", A("code", "PORR_TE049016UV"), A("codeSystem", "2.16.840.1.113883.1.18")),
                E("effectiveTime", A("value", now)),
                E("subject", A("typeCode", "SUBJ"), investigation)));

        var batch = new XElement(Hl7 + "MCCI_IN200100UV01",
            new XAttribute("ITSVersion", "XML_1.0"), new XAttribute(XNamespace.Xmlns + "xsi", Xsi.NamespaceName),
            E("id", A("extension", $"{context.SenderId}-{stamp}-{pvCase.Number}"), A("root", $"{Oid}.3.22")),
            E("creationTime", A("value", now)),
            E("responseModeCode", A("code", "D")),
            E("interactionId", A("extension", "MCCI_IN200100UV01"), A("root", "2.16.840.1.113883.1.6")),
            E("name", A("code", "1"), A("displayName", "ichicsr"), A("codeSystem", $"{Oid}.1.1")),
            message,
            Device("receiver", "RCV", rule.Receiver == "CDER" ? "ZZFDA" : rule.Receiver, $"{Oid}.3.14"),
            Device("sender", "SND", context.SenderId, $"{Oid}.3.13"));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), batch);
    }

    public static string ToXml(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);

        // Text from social media can carry chars XML 1.0 cannot hold (U+0007, lone surrogates...): each becomes a space
        // rather than failing the whole export.
        foreach (var text in document.DescendantNodes().OfType<XText>())
        {
            text.Value = XmlSafe(text.Value);
        }

        foreach (var attribute in document.Descendants().Attributes())
        {
            attribute.Value = XmlSafe(attribute.Value);
        }

        var sb = new StringBuilder();
        using (var writer = System.Xml.XmlWriter.Create(new Utf8StringWriter(sb), new System.Xml.XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return sb.ToString();
    }

    private static string XmlSafe(string value)
    {
        int bad = 0;
        for (int i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(value[i]))
            {
                bad++;
            }
        }

        if (bad == 0)
        {
            return value;
        }

        var chars = value.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>The case narrative (H.1): the officer's narrative, the source text as received and any follow-up replies, with handles redacted.</summary>
    public static string Narrative(PvCase pvCase, IReadOnlyList<ReactionTerm>? terms = null)
    {
        ArgumentNullException.ThrowIfNull(pvCase);
        string?[] ids = [pvCase.ReporterHandle, pvCase.ReporterDisplayName];
        var sb = new StringBuilder();
        if (!string.IsNullOrWhiteSpace(pvCase.Narrative))
        {
            sb.Append(Pseudonyms.Redact(pvCase.Narrative, pvCase.ReporterPseudonym, ids)).Append("\n\n");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Reporter {pvCase.ReporterPseudonym} wrote on {pvCase.Channel ?? "social media"} on {pvCase.ReceivedUtc:yyyy-MM-dd}");
        sb.Append(pvCase.Language is { } lang ? $" ({lang}): " : ": ");
        sb.Append('"').Append(Pseudonyms.Redact(pvCase.SourceText, pvCase.ReporterPseudonym, ids)).Append('"');
        foreach (var reply in pvCase.FollowUps.Where(f => f.Kind == FollowUpKind.Reply).OrderBy(f => f.AtUtc))
        {
            sb.Append(CultureInfo.InvariantCulture, $"\n\nFollow-up received {reply.AtUtc:yyyy-MM-dd}: \"{Pseudonyms.Redact(reply.Text, pvCase.ReporterPseudonym, ids)}\"");
        }

        var coded = pvCase.Reactions.Where(r => r.Term is not null).Select(r => terms?.FirstOrDefault(t => t.Id == r.Term)?.English ?? r.Term!.Replace('_', ' ')).Distinct().ToList();
        if (coded.Count > 0)
        {
            sb.Append("\n\nReaction terms (Salus screening vocabulary): ").Append(string.Join(", ", coded)).Append('.');
        }

        return sb.ToString();
    }

    private static XElement Reaction(PvCase pvCase, CaseReaction r, string id, string? country, IReadOnlyList<ReactionTerm>? terms)
    {
        var s = pvCase.Seriousness;
        var english = r.Term is null ? null : terms?.FirstOrDefault(t => t.Id == r.Term)?.English ?? r.Term.Replace('_', ' ');
        var value = new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"));
        if (r.MedDraCode is { } code)
        {
            value.Add(A("code", code), A("codeSystem", MedDraOid), A("codeSystemVersion", r.MedDraVersion ?? ""));
        }

        value.Add(E("originalText", A("language", pvCase.Language == "it" ? "ita" : "eng"), Pseudonyms.Redact(r.ReportedText, pvCase.ReporterPseudonym, pvCase.ReporterHandle, pvCase.ReporterDisplayName)));
        return E("subjectOf2", A("typeCode", "SBJ"), E("observation", A("classCode", "OBS"), A("moodCode", "EVN"),
            E("id", A("root", id)),
            Code("29", $"{Oid}.1.19", "reaction"),
            r.OnsetDate is { } onset
                ? new XElement(Hl7 + "effectiveTime", new XAttribute(Xsi + "type", "IVL_TS"), E("low", A("value", onset.ToString("yyyyMMdd", CultureInfo.InvariantCulture))))
                : null,
            value,
            country is null ? null : E("location", A("typeCode", "LOC"), E("locatedEntity", A("classCode", "LOCE"),
                E("locatedPlace", A("determinerCode", "INSTANCE"), A("classCode", "COUNTRY"), E("code", A("code", country), A("codeSystem", CountryOid))))),
            pvCase.Language != "en" && english is not null
                ? E("outboundRelationship2", A("typeCode", "PERT"), Obs("30", "reactionForTranslation", Ed(english)))
                : null,
            Criterion("34", "resultsInDeath", s.Death),
            Criterion("21", "isLifeThreatening", s.LifeThreatening),
            Criterion("33", "requiresInpatientHospitalization", s.Hospitalisation),
            Criterion("35", "resultsInPersistentOrSignificantDisability", s.Disability),
            Criterion("12", "congenitalAnomalyBirthDefect", s.CongenitalAnomaly),
            Criterion("26", "otherMedicallyImportantCondition", s.OtherMedicallyImportant),
            E("outboundRelationship2", A("typeCode", "PERT"), Obs("27", "outcome",
                new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"), A("code", ((int)r.Outcome).ToString(CultureInfo.InvariantCulture)), A("codeSystem", $"{Oid}.1.11"))))));
    }

    private static XElement Drug(CaseProduct p, string id, string? country) =>
        E("substanceAdministration", A("classCode", "SBADM"), A("moodCode", "EVN"),
            E("id", A("root", id)),
            E("consumable", A("typeCode", "CSM"), E("instanceOfKind", A("classCode", "INST"),
                E("kindOfProduct", A("classCode", "MMAT"), A("determinerCode", "KIND"),
                    E("name", p.Name),
                    (p.Ingredients ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(i =>
                        E("ingredient", A("classCode", "ACTI"), E("ingredientSubstance", A("classCode", "MMAT"), A("determinerCode", "KIND"), E("name", i))))),
                country is null ? null : E("subjectOf", A("typeCode", "SBJ"), E("productEvent", A("classCode", "ACT"), A("moodCode", "EVN"),
                    Code("1", $"{Oid}.1.18", "retailSupply"),
                    E("performer", A("typeCode", "PRF"), E("assignedEntity", A("classCode", "ASSIGNED"),
                        E("representedOrganization", A("determinerCode", "INSTANCE"), A("classCode", "ORG"), E("addr", E("country", country))))))))),
            Dosage(p),
            string.IsNullOrWhiteSpace(p.Indication) ? null : E("inboundRelationship", A("typeCode", "RSON"),
                E("observation", A("classCode", "OBS"), A("moodCode", "EVN"),
                    Code("19", $"{Oid}.1.19", "indication"),
                    new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "CE"), A("codeSystem", MedDraOid), E("originalText", p.Indication)),
                    E("performer", A("typeCode", "PRF"), E("assignedEntity", A("classCode", "ASSIGNED"), Code("3", $"{Oid}.1.21", "sourceReporter"))))),
            p.Action is { } action
                ? E("inboundRelationship", A("typeCode", "CAUS"), E("act", A("classCode", "ACT"), A("moodCode", "EVN"),
                    E("code", A("code", ((int)action).ToString(CultureInfo.InvariantCulture)), A("codeSystem", $"{Oid}.1.15"))))
                : null);

    /// <summary>
    /// G.k.4.r: one dosage with text (frequency), therapy dates, route, dose, and the product as given: batch/lot number
    /// (G.k.4.r.7) and dose form (G.k.4.r.9.1); null when nothing is known.
    /// </summary>
    private static XElement? Dosage(CaseProduct p)
    {
        var route = Dosing.RouteFor(p.Route);
        if (p.DoseValue is null && route is null && p.TherapyStart is null && p.TherapyStop is null && p.Frequency is null
            && p.DoseForm is null && p.BatchNumber is null)
        {
            return null;
        }

        var text = string.Join(", ", new[]
        {
            p.DoseValue is { } v ? $"{v.ToString("0.######", CultureInfo.InvariantCulture)} {p.DoseUnit}" : null,
            p.Frequency,
        }.Where(t => t is not null));
        return E("outboundRelationship2", A("typeCode", "COMP"), E("substanceAdministration", A("classCode", "SBADM"), A("moodCode", "EVN"),
            text.Length == 0 ? null : E("text", text),
            // G.k.4.r.4/5 as a plain interval: SXPR_TS needs two components and the frequency is kept as text, not as G.k.4.r.2/3.
            p.TherapyStart is null && p.TherapyStop is null ? null : new XElement(Hl7 + "effectiveTime", new XAttribute(Xsi + "type", "IVL_TS"),
                p.TherapyStart is { } start ? E("low", A("value", Day(start))) : null,
                p.TherapyStop is { } stop ? E("high", A("value", Day(stop))) : null),
            // G.k.4.r.10.2b code and G.k.4.r.10.1 text: the ICH list's own term for the code, whatever our UI label.
            route is null ? null : E("routeCode", A("code", route.E2bCode), A("codeSystem", $"{Oid}.1.14"), A("displayName", route.E2bTerm), E("originalText", route.E2bTerm)),
            p.DoseValue is { } dose ? E("doseQuantity", A("value", dose.ToString("0.######", CultureInfo.InvariantCulture)), A("unit", p.DoseUnit ?? "1")) : null,
            DosageProduct(p)));
    }

    /// <summary>
    /// consumable/instanceOfKind of the dosage: productInstanceInstance/lotNumberText (G.k.4.r.7) before
    /// kindOfProduct/formCode/originalText (G.k.4.r.9.1), in the schema's order. The form code system is the ICH
    /// placeholder "TBD-DoseForm" of the element table's xpath: no EDQM term id (G.k.4.r.9.2b) is sent.
    /// </summary>
    private static XElement? DosageProduct(CaseProduct p) =>
        p.BatchNumber is null && p.DoseForm is null ? null : E("consumable", A("typeCode", "CSM"), E("instanceOfKind", A("classCode", "INST"),
            p.BatchNumber is null ? null : E("productInstanceInstance", A("classCode", "MMAT"), A("determinerCode", "INSTANCE"), E("lotNumberText", p.BatchNumber)),
            p.DoseForm is null ? null : E("kindOfProduct", A("classCode", "MMAT"), A("determinerCode", "KIND"),
                E("formCode", A("codeSystem", "TBD-DoseForm"), E("originalText", p.DoseForm)))));

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static XElement Criterion(string code, string name, bool on) =>
        E("outboundRelationship2", A("typeCode", "PERT"), Obs(code, name, on ? Bl(true) : new XElement(Hl7 + "value", new XAttribute(Xsi + "type", "BL"), A("nullFlavor", "NI"))));

    private static XElement Observation(string code, string name, XElement value) =>
        E("observationEvent", A("classCode", "OBS"), A("moodCode", "EVN"), Code(code, $"{Oid}.1.19", name), value);

    private static XElement Obs(string code, string name, XElement value) =>
        E("observation", A("classCode", "OBS"), A("moodCode", "EVN"), Code(code, $"{Oid}.1.19", name), value);

    private static XElement Bl(bool value) => new(Hl7 + "value", new XAttribute(Xsi + "type", "BL"), A("value", value ? "true" : "false"));

    private static XElement Ed(string text) => new(Hl7 + "value", new XAttribute(Xsi + "type", "ED"), text);

    private static XElement Code(string code, string system, string name) => E("code", A("code", code), A("codeSystem", system), A("displayName", name));

    private static XElement Device(string name, string type, string id, string root) =>
        E(name, A("typeCode", type), E("device", A("classCode", "DEV"), A("determinerCode", "INSTANCE"), E("id", A("extension", id), A("root", root))));

    private static string RoleCode(ProductRole role) => role switch
    {
        ProductRole.Suspect => "1",
        ProductRole.Concomitant => "2",
        _ => "3",
    };

    private static string? CountryOf(string? market) => market?.ToUpperInvariant() switch
    {
        { Length: 2 } m when m != "EU" => m,
        _ => null,
    };

    private static string Ts(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "+0000";

    private static XElement E(string name, params object?[] content) => new(Hl7 + name, content.Where(c => c is not null));

    private static XAttribute A(string name, string value) => new(name, value);

    private sealed class Utf8StringWriter(StringBuilder sb) : StringWriter(sb, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
