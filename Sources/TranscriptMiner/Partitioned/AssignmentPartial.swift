import Foundation
import ThemeCluster

/// The second pass of a partitioned themes run over one part of the input (`minectl assign`):
/// every transcript assigned to the nearest theme of a ``ThemeModel``, and what the report needs
/// of the part — per-theme tallies, the counts of unclustered documents, each theme's candidate
/// quotes and the part's reading. Partials of every part merge exactly into the report
/// (``ThemeReport/init(model:merging:names:settings:top:)``), whatever the split.
///
/// ```swift
/// let (partial, rows) = try await AssignmentPartial.compute(part, model: model)
/// for row in rows.indices { print(rows.ids[row], rows.themes[row] ?? -1) }
/// ```
///
/// - Complexity: O(text of the part + non-zeros × themes) spread over `workers` threads; the
///   partial holds k + 1 tallies and at most ``ExemplarSelector/candidateConversations``
///   candidate conversations per theme.
public struct AssignmentPartial: Sendable, Codable {
    /// The format identifier written in every assignment partial.
    public static let format = "minectl/assign-partial@1"

    /// ``format``.
    public var format = Self.format
    /// The library version that made it.
    public var version = LibraryInfo.version
    /// The options' hash (the model's).
    public var optionsHash: String
    /// The ``ThemeModel/contentHash`` of the model used.
    public var modelHash: String
    /// What reading the part found.
    public var reading: PartReading
    /// Transcripts read but left out by the filter.
    public var filteredOut: Int
    /// Documents (kept transcripts) in the part.
    public var documents: Int
    /// Documents unclustered because they have no vocabulary term.
    public var unclusteredWithoutTerms: Int
    /// Documents unclustered because they are less similar than the model's minimum to every theme.
    public var unclusteredBelowSimilarity: Int
    /// One tally per theme, then the unclustered group's.
    public var tallies: [ThemeTally]
    /// Per theme, its members most similar to the centroid (at most
    /// ``ExemplarSelector/candidateConversations``), best first (ties: the earlier).
    public var candidates: [[Candidate]]
    /// Documents of the part containing each code (``ThemeResult/codeFrequencies``, kept from 1
    /// document: the merge drops codes in fewer than 2), when computed for a run history; `nil`
    /// otherwise.
    public var codeFrequencies: [String: Int]? = nil

    /// A conversation whose turns may be quoted.
    public struct Candidate: Sendable, Hashable, Codable {
        /// Its position among the part's documents (after the merge: of the whole input).
        public var position: Int
        /// The transcript id.
        public var id: String
        /// Its similarity to the theme's centroid.
        public var similarity: Double
        /// Its turns: role, visibility, and the text (empty for roles that are not analysed).
        public var turns: [CandidateTurn]

        /// The transcript, as much of it as quoting reads.
        var transcript: Transcript {
            Transcript(id: id, turns: turns.map { Turn(role: Role(rawValue: $0.role) ?? .unknown, text: $0.text, isPublic: $0.isPublic) })
        }
    }

    /// One turn of a ``Candidate``.
    public struct CandidateTurn: Sendable, Hashable, Codable {
        /// ``Role`` raw value.
        public var role: String
        /// Whether the customer could see it.
        public var isPublic: Bool
        /// Its text (redacted when the input was).
        public var text: String
    }

    /// Every document's assignment in a part, in part order.
    public struct Rows: Sendable {
        /// The transcript ids.
        public var ids: [String]
        /// Each one's theme, or `nil` when unclustered.
        public var themes: [Int?]
        /// Each one's similarity to its nearest theme.
        public var similarities: [Double]
        /// Each one's sentiment, turns, channel and (when computed for a run history) content hash.
        public var facts: [ConversationFacts]

        /// The rows as JSON lines, `{"id":"t1","theme":3,"similarity":0.42}` (theme
        /// `"unclustered"` when in none), as the JSON report lists assignments.
        public func jsonLines() -> String {
            var text = ""
            text.reserveCapacity(ids.count * 64)
            for index in ids.indices {
                ThemeJSON.appendAssignment(id: ids[index], theme: themes[index], similarity: similarities[index], to: &text)
                text.append("\n")
            }
            return text
        }
    }

    /// Reads `part` and assigns its transcripts to the themes of `model`.
    /// - Parameter earlierIDs: fingerprints of ids accepted by earlier parts (see
    ///   ``MergedVocabulary/earlierIDs(forPart:)``).
    /// - Returns: the partial, every document's assignment, and the fingerprints of the ids the
    ///   part accepted.
    /// - Throws: ``IngestionProblem`` under strict ingestion or for a part that cannot be read as asked.
    /// - Parameter forHistory: whether to compute what a run history records (each transcript's
    ///   content hash in the rows, ``codeFrequencies`` in the partial).
    public static func compute(_ part: InputPart, model: ThemeModel, strict: Bool = false, earlierIDs: Set<UInt64> = [],
                               forHistory: Bool = false,
                               workers: Int = defaultWorkerCount) async throws -> (partial: AssignmentPartial, rows: Rows, fingerprints: [UInt64]) {
        let input = try PartInput.read(part, options: model.options, strict: strict, earlierIDs: earlierIDs, hashingContent: forHistory)
        let options = model.options.themeOptions
        let transcripts = input.transcripts
        let documents = options.documents.build(transcripts).texts
        let tfidf = model.tfidfModel
        let matrix = await tfidf.transform(documents, workers: workers)
        let centroids = model.centroids
        let (nearest, similarities) = await centroids.assign(matrix, workers: workers)
        var themes = [Int?](repeating: nil, count: documents.count)
        var withoutTerms = 0, below = 0
        for index in themes.indices {
            if nearest[index] < 0 {
                withoutTerms += 1
            } else if similarities[index] < model.minimumSimilarity {
                below += 1
            } else {
                themes[index] = Int(nearest[index])
            }
        }
        let facts = await ConversationFacts.compute(transcripts, scorer: options.sentiment, roles: options.documents.roles, workers: workers,
                                                    contentHashes: input.contentHashes)
        var tallies = [ThemeTally](repeating: ThemeTally(), count: model.themes.count + 1)
        var members = [[Int]](repeating: [], count: model.themes.count)
        for (index, theme) in themes.enumerated() {
            tallies[theme ?? model.themes.count].add(facts[index], pain: options.pain)
            if let theme { members[theme].append(index) }
        }
        let candidates = members.map { list in
            options.exemplars.candidates(list, similarity: { similarities[$0] }, position: { $0 }).map { index in
                let transcript = transcripts[index]
                return Candidate(position: index, id: transcript.id, similarity: similarities[index],
                                 turns: transcript.turns.map { CandidateTurn(role: $0.role.rawValue, isPublic: $0.isPublic, text: $0.text) })
            }
        }
        var partial = AssignmentPartial(optionsHash: model.optionsHash, modelHash: model.contentHash, reading: input.reading,
                                        filteredOut: input.filteredOut, documents: documents.count, unclusteredWithoutTerms: withoutTerms,
                                        unclusteredBelowSimilarity: below, tallies: tallies, candidates: candidates)
        if forHistory { partial.codeFrequencies = await CodeTermCounter(minimumDocuments: 1).documentFrequencies(documents, workers: workers) }
        let ids = transcripts.indices.map(transcripts.transcriptID(at:))
        return (partial, Rows(ids: ids, themes: themes, similarities: similarities, facts: facts), input.fingerprints)
    }

    /// The partial as canonical JSON.
    public func encoded() -> [UInt8] { PartialJSON.encode(self) }

    /// Reads a partial written by ``encoded()``.
    /// - Throws: ``PartialError`` naming `path` when it is not one.
    public static func read(path: String) throws(PartialError) -> AssignmentPartial {
        try PartialJSON.read(AssignmentPartial.self, path: path, expecting: format)
    }
}
