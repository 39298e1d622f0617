import Foundation

/// A deterministic generator of realistic synthetic support conversations with planted themes
/// and their labels: for tests, demos and measuring how well clustering finds the themes.
///
/// ```swift
/// let corpus = SyntheticCorpus(seed: 7)
/// for transcript in corpus.transcripts(count: 1000) {
///     print(transcript.id, transcript.metadata["theme"]!)
/// }
/// ```
///
/// Each transcript belongs to one ``PlantedTheme`` (drawn by weight), recorded in
/// `metadata["theme"]`. Customer turns are the theme's templates with slots filled; with
/// probability ``noise`` a follow-up comes from another theme (real chats wander). Agent turns
/// are greetings, apologies, requests for details and closings. About 5% of transcripts carry
/// invented personal data (an email address, a phone number, a card number) so redaction has
/// something to do. Channels: chat 65%, email 30%, social 5%. Dates: uniform over ``start`` +
/// 90 days.
///
/// Same seed, same count → byte-identical transcripts, on any machine (SplitMix64, no system
/// randomness).
/// - Complexity: O(count); transcripts are generated lazily, one at a time.
public struct SyntheticCorpus: Sendable {
    /// The seed.
    public let seed: UInt64
    /// The planted themes. Default ``PlantedTheme/banking``.
    public let themes: [PlantedTheme]
    /// Probability that a follow-up comes from another theme. Default 0.1.
    public let noise: Double
    /// The earliest creation date. Default 2024-03-01T00:00:00Z.
    public let start: Date

    /// Creates a generator.
    public init(seed: UInt64, themes: [PlantedTheme] = PlantedTheme.banking, noise: Double = 0.1,
                start: Date = Date(timeIntervalSince1970: 1_709_251_200)) {
        self.seed = seed
        self.themes = themes.isEmpty ? PlantedTheme.banking : themes
        self.noise = min(max(noise, 0), 1)
        self.start = start
    }

    /// `count` transcripts, generated lazily.
    public func transcripts(count: Int) -> some Sequence<Transcript> {
        var generator = SyntheticGenerator(seed: seed, corpus: self)
        return (0..<max(0, count)).lazy.map { generator.transcript(index: $0) }
    }
}

/// The random state of one generation run.
struct SyntheticGenerator {
    private var random: SplitMix
    private let corpus: SyntheticCorpus
    private let cumulativeWeights: [Double]

    init(seed: UInt64, corpus: SyntheticCorpus) {
        random = SplitMix(state: seed)
        self.corpus = corpus
        var total = 0.0
        cumulativeWeights = corpus.themes.map { total += $0.weight; return total }
    }

    static let merchants = ["Amazon", "Tesco", "Uber", "Netflix", "Spotify", "Airbnb", "Zara", "IKEA", "Lidl", "Shell"]
    static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let currencies = ["EUR", "USD", "GBP", "CHF", "JPY", "PLN"]
    static let names = ["Alex", "Sam", "Jordan", "Maria", "Chen", "Priya", "Tom", "Aisha", "Lukas", "Sofia"]
    static let greetings = ["Hi {name}, thanks for contacting us. How can I help?", "Hello! You're chatting with {agent}. What can I do for you today?",
                            "Good morning {name}, thank you for reaching out."]
    static let middles = ["I'm sorry to hear that. Let me look into it for you.", "Thanks for waiting. Could you confirm the last four digits of the card?",
                          "I understand how frustrating this is. I've escalated it to the right team.", "Please bear with me while I check your account.",
                          "I've raised a case for you; you'll get an update within 2 working days."]
    static let closings = ["Is there anything else I can help with?", "Thanks for your patience, have a great day!", "Kind regards, {agent}"]

    mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
    mutating func chance(_ p: Double) -> Bool { Double(random.next() >> 11) / Double(1 << 53) < p }

    mutating func theme() -> PlantedTheme {
        let x = Double(random.next() >> 11) / Double(1 << 53) * cumulativeWeights.last!
        let index = cumulativeWeights.firstIndex { x < $0 } ?? cumulativeWeights.count - 1
        return corpus.themes[index]
    }

    mutating func fill(_ template: String, name: String, agent: String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            switch rest[rest.index(after: open)..<close] {
            case "days": out += String(3 + random.next() % 25)
            case "amount": out += pick(["£", "€", "$"]) + String(5 + random.next() % 400) + "." + String(format: "%02d", Int(random.next() % 100))
            case "merchant": out += pick(Self.merchants)
            case "weekday": out += pick(Self.weekdays)
            case "currency": out += pick(Self.currencies)
            case "order": out += "ORD-\(2024)-\(String(format: "%05d", Int(random.next() % 100_000)))"
            case "name": out += name
            case "agent": out += agent
            default: out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    mutating func personalData(name: String) -> String {
        switch random.next() % 3 {
        case 0: return "You can email me at \(name.lowercased()).\(random.next() % 1000)@example.com"
        case 1: return "Call me back on +44 7700 900\(String(format: "%03d", Int(random.next() % 1000)))"
        default: return "The card number is 4539 1488 0343 6467"  // a Luhn-valid test number
        }
    }

    mutating func transcript(index: Int) -> Transcript {
        let theme = theme()
        let name = pick(Self.names)
        let agent = pick(Self.names)
        let channel: Channel = chance(0.65) ? .chat : (chance(0.86) ? .email : .social)
        let created = corpus.start.addingTimeInterval(Double(random.next() % (90 * 86_400)))
        var turns: [Turn] = []
        if channel != .social && chance(0.6) { turns.append(Turn(role: .agent, text: fill(pick(Self.greetings), name: name, agent: agent))) }
        turns.append(Turn(role: .customer, text: fill(pick(theme.openings), name: name, agent: agent)))
        let rounds = Int(random.next() % 3)
        for _ in 0..<rounds {
            turns.append(Turn(role: .agent, text: fill(pick(Self.middles), name: name, agent: agent)))
            let source = chance(corpus.noise) ? self.theme() : theme
            var text = fill(pick(chance(0.5) ? source.followUps : source.openings), name: name, agent: agent)
            if chance(0.05) { text += " " + personalData(name: name) }
            turns.append(Turn(role: .customer, text: text))
        }
        if chance(0.7) { turns.append(Turn(role: .agent, text: fill(pick(Self.closings), name: name, agent: agent))) }
        for i in turns.indices { turns[i].timestamp = created.addingTimeInterval(Double(i * 45)) }
        return Transcript(id: String(format: "s%07d", index + 1), channel: channel, createdAt: created, turns: turns,
                          metadata: ["theme": theme.label])
    }
}

/// SplitMix64 (Steele, Lea & Flood): a small, fast, seedable generator.
struct SplitMix {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
