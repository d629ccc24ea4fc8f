using System.Text.Json.Serialization;
using Salus.Screening.Classification;

namespace Salus.Screening;

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(AeModelInfo))]
[JsonSerializable(typeof(string))]
internal sealed partial class ScreeningJsonContext : JsonSerializerContext;
