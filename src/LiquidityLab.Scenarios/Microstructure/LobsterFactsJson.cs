using System.Text.Json.Serialization;
using LiquidityLab.Analytics.Microstructure;

namespace LiquidityLab.Scenarios.Microstructure;

/// <summary>
/// Source-generated metadata for reading the bundled reference facts with <see cref="LobsterFacts.Json"/>'s
/// settings: a cold reflection-based read costs about 0.15 s, which every order-driven run would pay.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(MarketFacts))]
internal sealed partial class LobsterFactsJson : JsonSerializerContext;
