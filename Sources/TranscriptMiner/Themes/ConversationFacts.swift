import ThemeCluster

/// What a theme's statistics need to know about one conversation: the customer's sentiment and
/// trajectory, how many turns they took, and the channel.
public struct ConversationFacts: Sendable, Hashable {
    /// The mean compound of the customer's scored turns; 0 when none was scored.
    public var compound: Double
    /// How many customer turns were scored (turns with at least one word).
    public var scoredTurns: Int
    /// Whether the customer's last scored turn is more negative than the first
    /// (``SentimentTrajectory/endsWorse``).
    public var endsWorse: Bool
    /// The customer's public turns (the effort signal of ``PainScore``).
    public var customerTurns: Int
    /// The channel.
    public var channel: Channel
    /// The transcript's ``Transcript/contentHash`` (how the run history recognises a conversation
    /// it has already counted).
    public var contentHash: UInt64

    /// Creates facts.
    public init(compound: Double, scoredTurns: Int, endsWorse: Bool, customerTurns: Int, channel: Channel, contentHash: UInt64 = 0) {
        self.compound = compound
        self.scoredTurns = scoredTurns
        self.endsWorse = endsWorse
        self.customerTurns = customerTurns
        self.channel = channel
        self.contentHash = contentHash
    }

    /// The facts of one transcript, scored with `session` over the turns of `roles`.
    /// - Complexity: O(length of the scored turns + length of the transcript (its hash)).
    public init(_ transcript: Transcript, session: SentimentSession, roles: Set<Role>) {
        self.init(transcript, session: session, roles: roles, contentHash: transcript.contentHash)
    }

    /// The facts, with the content hash given (taken before the transcript was compacted).
    init(_ transcript: Transcript, session: SentimentSession, roles: Set<Role>, contentHash: UInt64) {
        let sentiment = session.score(transcript, roles: roles)
        var turns = 0
        for turn in transcript.turns where turn.isPublic && roles.contains(turn.role) { turns += 1 }
        if turns == 0 { turns = transcript.turns.count { $0.isPublic && $0.role == .unknown } }
        self.init(compound: sentiment.score.compound, scoredTurns: sentiment.turnsScored,
                  endsWorse: sentiment.trajectory?.endsWorse ?? false, customerTurns: turns, channel: transcript.channel,
                  contentHash: contentHash)
    }

    /// The facts of every transcript, computed concurrently over fixed chunks (so the same for any
    /// number of workers), in input order.
    /// - Complexity: O(total length of the scored turns) spread over `workers` tasks.
    /// - Parameter contentHashes: the transcripts' ``Transcript/contentHash`` computed earlier (by
    ///   a caller that compacted the transcripts, see ``Transcript/keepingText(of:)``), in input
    ///   order; `nil` computes them here.
    public static func compute(_ transcripts: some TranscriptCollection, scorer: SentimentScorer, roles: Set<Role>, workers: Int,
                               contentHashes: [UInt64]? = nil) async -> [ConversationFacts] {
        precondition(contentHashes.map { $0.count == transcripts.count } ?? true, "one content hash per transcript")
        let chunks = await ChunkedWork.map(count: transcripts.count, chunkSize: 1024, workers: workers) { range in
            let session = scorer.makeSession()
            return range.map { index in
                let transcript = transcripts[index]
                return ConversationFacts(transcript, session: session, roles: roles, contentHash: contentHashes?[index] ?? transcript.contentHash)
            }
        }
        return Array(chunks.joined())
    }
}
