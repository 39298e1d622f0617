extension PlantedTheme {
    /// Themes that `minectl synth` does not plant unless asked (`--weight LABEL=W`): pain points
    /// that appear suddenly in real support logs — a bad app release with its own error code, a
    /// partner outage — for testing what the run history calls new and growing.
    public static let extra: [PlantedTheme] = [
        PlantedTheme(label: "app_crash_after_update", weight: 0, openings: [
            "Since updating to version 7.4 the app crashes as soon as I open it.",
            "After the 7.4 update the app shows error E4012 and closes.",
            "The new app version 7.4 keeps crashing on my phone.",
            "I get error code E4012 every time I open the app since the update.",
            "App version 7.4 crashes on startup, I can't see my balance.",
        ], followUps: [
            "I reinstalled it twice, still error E4012.", "My phone is up to date.",
            "Everyone on the forum has the same crash.", "Please fix version 7.4 quickly.",
        ]),
        PlantedTheme(label: "apple_pay_declined", weight: 0, openings: [
            "Apple Pay declines my card at every shop since this morning.",
            "My card stopped working with Apple Pay, contactless by phone is declined.",
            "Payments with Apple Pay fail but the plastic card works.",
            "Why is Apple Pay declined when I have money in the account?",
        ], followUps: [
            "I removed the card from the wallet and added it again.", "It was declined at {merchant} too.",
            "Google Pay on my other phone has the same problem.",
        ]),
    ]

    /// Every theme `minectl synth` knows: ``banking`` then ``extra``.
    public static var catalog: [PlantedTheme] { banking + extra }

    /// The same theme with another weight.
    public func weighted(_ weight: Double) -> PlantedTheme {
        PlantedTheme(label: label, weight: weight, openings: openings, followUps: followUps)
    }

    /// ``catalog`` with the weights of `overrides` (label → weight) applied, keeping the themes of
    /// positive weight: the default corpus with `[:]`; a weight of 0 removes a theme.
    /// - Throws: ``UnknownPlantedTheme`` for a label not in the catalog.
    public static func catalog(weights overrides: [String: Double]) throws(UnknownPlantedTheme) -> [PlantedTheme] {
        let all = catalog
        if let unknown = overrides.keys.sorted().first(where: { label in !all.contains { $0.label == label } }) {
            throw UnknownPlantedTheme(label: unknown, known: all.map(\.label))
        }
        return all.map { overrides[$0.label].map($0.weighted) ?? $0 }.filter { $0.weight > 0 }
    }
}

/// A planted-theme label that ``PlantedTheme/catalog`` does not have.
public struct UnknownPlantedTheme: Error, Sendable, Hashable, CustomStringConvertible {
    /// The label asked for.
    public var label: String
    /// The labels known.
    public var known: [String]

    public var description: String { "no planted theme \"\(label)\"; known: \(known.joined(separator: ", "))" }
}
