import ThemeCluster
import Tokenizer

/// One quote that shows what a theme is about: a customer turn near the theme's centroid,
/// redacted and trimmed to a sentence or two.
public struct ThemeExemplar: Sendable, Hashable {
    /// The id of the transcript it comes from.
    public var transcriptID: String
    /// The turn's index in ``Transcript/turns``.
    public var turnIndex: Int
    /// The quote: redacted, at most ``ExemplarSelector/maximumLength`` characters (an ellipsis
    /// marks a cut).
    public var text: String
    /// The cosine similarity of the whole turn's TF-IDF vector to the theme's centroid.
    public var similarity: Double

    /// Creates an exemplar.
    public init(transcriptID: String, turnIndex: Int, text: String, similarity: Double) {
        self.transcriptID = transcriptID
        self.turnIndex = turnIndex
        self.text = text
        self.similarity = similarity
    }
}

/// Chooses each theme's exemplar quotes: the customer turns nearest the theme's centroid.
///
/// For each theme: its `candidateConversations` members most similar to the centroid (ties: the
/// earlier transcript); every public turn of the document roles of those conversations is
/// weighed with the TF-IDF model and scored by its cosine to the centroid; the best turns win,
/// at most one per conversation and never two with the same words (case, spacing and punctuation
/// ignored), turns of at least ``minimumWords`` words before shorter ones ("hi", "thanks" carry
/// no theme). Each winning turn is redacted whole (so a cut can never split, and leak, a card
/// number), split into sentences (ICU), and trimmed to the sentence nearest the centroid plus the
/// next one when both fit in ``maximumLength`` characters; a single longer sentence is cut
/// at a word boundary with "…".
///
/// | parameter | default | meaning |
/// |---|---|---|
/// | `count` | 3 | quotes per theme (the issue asks 3–5) |
/// | `candidateConversations` | 50 | members of each theme whose turns are considered |
/// | `minimumWords` | 3 | shorter turns are used only when longer ones run out |
/// | `maximumLength` | 240 | characters per quote |
/// | `redactor` | ``Redactor()`` (every kind) | applied to every quote; `nil` only for already-redacted input |
///
/// Deterministic: candidates, scores and ties depend only on the data.
/// - Complexity: O(k · candidateConversations · turn length) after the clustering.
public struct ExemplarSelector: Sendable {
    /// Quotes per theme. Default 3.
    public var count: Int
    /// Members of each theme (the nearest to the centroid) whose turns are considered. Default 50.
    public var candidateConversations: Int
    /// Turns with fewer words are used only when longer ones run out. Default 3.
    public var minimumWords: Int
    /// The longest quote, in characters. Default 240.
    public var maximumLength: Int
    /// Applied to every quote before it leaves the library. Default: every ``PIIKind``.
    public var redactor: Redactor?

    /// Creates a selector; the defaults are documented in the table above.
    public init(count: Int = 3, candidateConversations: Int = 50, minimumWords: Int = 3, maximumLength: Int = 240,
                redactor: Redactor? = Redactor()) {
        self.count = count
        self.candidateConversations = candidateConversations
        self.minimumWords = minimumWords
        self.maximumLength = maximumLength
        self.redactor = redactor
    }

    /// The exemplars of every theme `0..<centroids.count`, in theme order.
    /// - Parameters:
    ///   - assignments: each transcript's theme, or `nil`.
    ///   - similarities: each transcript's similarity to its theme's centroid.
    ///   - centroids: the themes' centroids, in the column space of `model`.
    ///   - documents: which turns make a theme document (roles, private notes).
    public func select(_ transcripts: some TranscriptCollection, assignments: [Int?], similarities: [Double], centroids: Centroids,
                       model: TFIDFModel, documents: ThemeDocumentBuilder, workers: Int) async -> [[ThemeExemplar]] {
        var members = [[Int]](repeating: [], count: centroids.count)
        for (index, theme) in assignments.enumerated() { if let theme { members[theme].append(index) } }
        let chosen = members.map { list in candidates(list, similarity: { similarities[$0] }, position: { $0 }) }
        return await ChunkedWork.map(count: centroids.count, chunkSize: 1, workers: workers) { range in
            let session = model.makeSession()
            let splitter = SentenceSplitter()
            return range.map { theme in
                quotes(theme: theme, candidates: chosen[theme], transcripts: transcripts, centroid: centroids.vector(theme),
                       documents: documents, session: session, splitter: splitter)
            }
        }.flatMap { $0 }
    }

    /// The ``candidateConversations`` of `members` most similar to the centroid, most similar
    /// first (ties: the earlier position): the conversations whose turns may be quoted.
    func candidates<Member>(_ members: [Member], similarity: (Member) -> Double, position: (Member) -> Int) -> [Member] {
        Array(members.sorted { (similarity($0), -position($0)) > (similarity($1), -position($1)) }.prefix(candidateConversations))
    }

    /// The exemplars of every theme from conversations already chosen as its candidates (each
    /// theme's list in input order: ties between equal turns go to the earlier conversation), as
    /// ``select(_:assignments:similarities:centroids:model:documents:workers:)`` quotes its own
    /// candidates; for merged partitioned runs.
    func select(candidates: [[Transcript]], centroids: Centroids, model: TFIDFModel, documents: ThemeDocumentBuilder,
                workers: Int) async -> [[ThemeExemplar]] {
        await ChunkedWork.map(count: centroids.count, chunkSize: 1, workers: workers) { range in
            let session = model.makeSession()
            let splitter = SentenceSplitter()
            return range.map { theme in
                quotes(theme: theme, candidates: Array(candidates[theme].indices), transcripts: candidates[theme],
                       centroid: centroids.vector(theme), documents: documents, session: session, splitter: splitter)
            }
        }.flatMap { $0 }
    }

    private struct Candidate {
        var transcript: Int
        var turn: Int
        var similarity: Double
        var isLong: Bool
    }

    private func quotes(theme: Int, candidates: [Int], transcripts: some TranscriptCollection, centroid: [Double], documents: ThemeDocumentBuilder,
                        session: TFIDFModel.Session, splitter: SentenceSplitter) -> [ThemeExemplar] {
        func similarity(_ text: some StringProtocol) -> Double {
            let vector = session.transform(String(text))
            var sum = 0.0
            for (index, value) in zip(vector.indices, vector.values) { sum += value * centroid[Int(index)] }
            return sum
        }
        var scored: [Candidate] = []
        let read = Dictionary(uniqueKeysWithValues: candidates.map { ($0, transcripts[$0]) })
        for transcript in candidates {
            for (turnIndex, turn) in read[transcript]!.turns.enumerated()
            where documents.roles.contains(turn.role) && (documents.includesPrivateTurns || turn.isPublic) {
                let value = similarity(turn.text)
                guard value > 0 else { continue }
                let words = turn.text.split(whereSeparator: \.isWhitespace).count
                scored.append(Candidate(transcript: transcript, turn: turnIndex, similarity: value, isLong: words >= minimumWords))
            }
        }
        scored.sort { a, b in
            if a.isLong != b.isLong { return a.isLong }
            if a.similarity != b.similarity { return a.similarity > b.similarity }
            return (a.transcript, a.turn) < (b.transcript, b.turn)
        }
        // Two passes: first quotes that share less than `maximumOverlap` of their words with every
        // quote chosen before (templated messages differ in one order number), then, if that left
        // fewer than `count`, the best remaining ones that are not word-for-word repeats.
        var result: [ThemeExemplar] = []
        var chosenWords: [Set<String>] = []
        var usedTranscripts = Set<Int>()
        var seenTexts = Set<String>()
        var quotes: [Int: String] = [:]
        for pass in 0..<2 {
            for (position, candidate) in scored.enumerated() where result.count < count && !usedTranscripts.contains(candidate.transcript) {
                let quote: String
                if let known = quotes[position] {
                    quote = known
                } else {
                    var text = read[candidate.transcript]!.turns[candidate.turn].text
                    if let redactor { text = redactor.redact(text).text }
                    quote = trimmed(text, splitter: splitter) { similarity($0) }
                    quotes[position] = quote
                }
                let key = Self.comparable(quote)
                guard !quote.isEmpty, !seenTexts.contains(key) else { continue }
                let words = Self.words(quote)
                if pass == 0, chosenWords.contains(where: { Self.overlap(words, $0) >= Self.maximumOverlap }) { continue }
                seenTexts.insert(key)
                chosenWords.append(words)
                usedTranscripts.insert(candidate.transcript)
                result.append(ThemeExemplar(transcriptID: read[candidate.transcript]!.id, turnIndex: candidate.turn,
                                            text: quote, similarity: candidate.similarity))
            }
        }
        return result
    }

    /// Quotes sharing at least this share of their words (Jaccard) count as repeats in the first
    /// pass.
    static let maximumOverlap = 0.6

    /// The lowercased words of `text` (letters and digits).
    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init))
    }

    /// Jaccard overlap |a ∩ b| / |a ∪ b| (0 for two empty sets).
    static func overlap(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }

    /// The sentence of `text` nearest the centroid plus the following sentences that fit.
    func trimmed(_ text: String, splitter: SentenceSplitter, similarity: (String) -> Double) -> String {
        let sentences = splitter.sentences(in: text).map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        guard !sentences.isEmpty else { return "" }
        var best = 0
        if sentences.count > 1 {
            var bestValue = -Double.infinity
            for (index, sentence) in sentences.enumerated() {
                let value = similarity(sentence)
                if value > bestValue { (best, bestValue) = (index, value) }
            }
        }
        var quote = Self.collapsingWhitespace(sentences[best])
        if best + 1 < sentences.count {
            let more = quote + " " + Self.collapsingWhitespace(sentences[best + 1])
            if more.count <= maximumLength { quote = more }
        }
        if quote.count > maximumLength { quote = Self.cut(quote, to: maximumLength) }
        return quote
    }

    /// `text` cut to at most `length` characters at the last word boundary, with "…".
    static func cut(_ text: String, to length: Int) -> String {
        let prefix = text.prefix(max(1, length - 1))
        let boundary = prefix.lastIndex(where: \.isWhitespace).map { prefix[..<$0] } ?? prefix
        return boundary.trimmingWhitespace() + "…"
    }

    static func collapsingWhitespace(_ text: some StringProtocol) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The text with only its letters and digits, lowercased: two quotes that differ in case,
    /// spacing or punctuation compare equal.
    static func comparable(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map(Character.init))
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space.
    func trimmingWhitespace() -> String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
