/// The numbers behind one group's ``ThemeStatistics``, kept so that tallies of parts add up
/// exactly: counts, and sums of sentiment and pain in fixed point (units of 2⁻⁴⁰), so the total
/// is the same in any order and for any split of the input.
///
/// ```swift
/// var tally = ThemeTally()
/// tally.add(facts, pain: PainScore())
/// let statistics = ThemeStatistics(tally: tally, total: 1000)
/// ```
///
/// A ``ThemeStatistics`` made from a tally can differ from one made from the members directly in
/// the last bits of its means (each conversation's values are rounded to 2⁻⁴⁰ ≈ 9·10⁻¹³).
public struct ThemeTally: Sendable, Hashable, Codable {
    /// Conversations.
    public var size = 0
    /// Σ compound, in units of 2⁻⁴⁰.
    public var compound: Int128 = 0
    /// Conversations with compound ≤ −0.05.
    public var negative = 0
    /// Conversations that end worse.
    public var endsWorse = 0
    /// Conversations with at least 2 scored customer turns.
    public var multiTurn = 0
    /// Σ max(1, customer turns).
    public var customerTurns = 0
    /// Conversations per sentiment band (``ThemeStatistics/sentimentBands``).
    public var sentimentBands = [Int](repeating: 0, count: ThemeStatistics.sentimentBandCount)
    /// Conversations per channel, in ``Channel/allCases`` order.
    public var channels = [Int](repeating: 0, count: Channel.allCases.count)
    /// Σ conversation pain, in units of 2⁻⁴⁰.
    public var pain: Int128 = 0

    /// The fixed-point scale: 2⁴⁰.
    static let scale = Double(1 << 40)

    /// An empty tally.
    public init() {}

    /// Counts one conversation.
    public mutating func add(_ fact: ConversationFacts, pain score: PainScore) {
        size += 1
        compound += Self.fixed(fact.compound)
        if fact.compound <= -SentimentScore.neutralThreshold { negative += 1 }
        if fact.endsWorse { endsWorse += 1 }
        if fact.scoredTurns >= 2 { multiTurn += 1 }
        customerTurns += max(1, fact.customerTurns)
        sentimentBands[ThemeStatistics.sentimentBand(of: fact.compound)] += 1
        channels[Channel.allCases.firstIndex(of: fact.channel)!] += 1
        pain += Self.fixed(score.conversationPain(compound: fact.compound, endsWorse: fact.endsWorse, customerTurns: fact.customerTurns))
    }

    /// Adds another tally (of other conversations).
    public mutating func add(_ other: ThemeTally) {
        size += other.size
        compound += other.compound
        negative += other.negative
        endsWorse += other.endsWorse
        multiTurn += other.multiTurn
        customerTurns += other.customerTurns
        for band in sentimentBands.indices { sentimentBands[band] += other.sentimentBands[band] }
        for channel in channels.indices { channels[channel] += other.channels[channel] }
        pain += other.pain
    }

    static func fixed(_ value: Double) -> Int128 { Int128((value * scale).rounded()) }
    static func real(_ value: Int128) -> Double { Double(value) / scale }

    enum CodingKeys: String, CodingKey {
        case size, compound, negative, endsWorse, multiTurn, customerTurns, sentimentBands, channels, pain
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        size = try container.decode(Int.self, forKey: .size)
        compound = try Self.decodeFixed(container, .compound)
        negative = try container.decode(Int.self, forKey: .negative)
        endsWorse = try container.decode(Int.self, forKey: .endsWorse)
        multiTurn = try container.decode(Int.self, forKey: .multiTurn)
        customerTurns = try container.decode(Int.self, forKey: .customerTurns)
        sentimentBands = try container.decode([Int].self, forKey: .sentimentBands)
        channels = try container.decode([Int].self, forKey: .channels)
        pain = try Self.decodeFixed(container, .pain)
        guard sentimentBands.count == ThemeStatistics.sentimentBandCount, channels.count == Channel.allCases.count else {
            throw DecodingError.dataCorruptedError(forKey: .channels, in: container, debugDescription: "wrong number of bands or channels")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(size, forKey: .size)
        try container.encode(String(compound), forKey: .compound)
        try container.encode(negative, forKey: .negative)
        try container.encode(endsWorse, forKey: .endsWorse)
        try container.encode(multiTurn, forKey: .multiTurn)
        try container.encode(customerTurns, forKey: .customerTurns)
        try container.encode(sentimentBands, forKey: .sentimentBands)
        try container.encode(channels, forKey: .channels)
        try container.encode(String(pain), forKey: .pain)
    }

    private static func decodeFixed(_ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> Int128 {
        let text = try container.decode(String.self, forKey: key)
        guard let value = Int128(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: "not an integer: \(text)")
        }
        return value
    }
}

extension ThemeStatistics {
    /// The statistics of a tallied group, as ``init(members:facts:total:pain:)`` computes them
    /// (means from fixed-point sums, see ``ThemeTally``).
    /// - Parameter total: the conversations analysed in the run.
    public init(tally: ThemeTally, total: Int) {
        self.init(tally: tally, compoundSum: ThemeTally.real(tally.compound), painSum: ThemeTally.real(tally.pain), total: total)
    }
}
