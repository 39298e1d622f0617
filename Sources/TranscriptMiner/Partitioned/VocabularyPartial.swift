import Foundation
import ThemeCluster

/// The first pass of a partitioned themes run over one part of the input (`minectl partial
/// vocabulary`): how many documents contain each term after the analysis chain, and the part's
/// candidates for the fit sample. Partials of every part merge exactly into a
/// ``MergedVocabulary`` (integer counts; the sample is the ids with the smallest
/// ``FitSample/key(of:)``, which does not depend on the split).
///
/// ```swift
/// let partial = try await VocabularyPartial.compute(part, options: ThemeJobOptions())
/// FileManager.default.createFile(atPath: "part-3.json", contents: Data(partial.encoded()))
/// ```
///
/// - Complexity: O(text of the part) spread over `workers` threads; the partial holds one entry
///   per distinct term and at most ``ThemeJobOptions/fitSample`` sample documents.
public struct VocabularyPartial: Sendable, Codable {
    /// The format identifier written in every vocabulary partial.
    public static let format = "minectl/vocabulary-partial@1"

    /// ``format``.
    public var format = Self.format
    /// The library version that made it.
    public var version = LibraryInfo.version
    /// The options, and their ``ThemeJobOptions/hash``.
    public var options: ThemeJobOptions
    /// ``ThemeJobOptions/hash`` of ``options``.
    public var optionsHash: String
    /// What reading the part found.
    public var reading: PartReading
    /// Documents (kept transcripts) in the part.
    public var documents: Int
    /// Terms counted over the part's documents (with repeats).
    public var tokens: Int
    /// Every distinct term, in code-point order.
    public var terms: [String]
    /// Documents of the part containing each term.
    public var documentFrequencies: [Int]
    /// Occurrences of each term in the part (for ``TFIDFOptions/maxFeatures``).
    public var termFrequencies: [Int]
    /// The part's documents whose id keys are among the ``ThemeJobOptions/fitSample`` smallest
    /// (all of them when fitting on every document), or among a smaller quota, in part order.
    public var sample: [SampleDocument]

    /// The fingerprints of the ids the part accepted, sorted, as little-endian 64-bit words in
    /// base64: the merge finds ids repeated across parts with them.
    public var idFingerprints: String
    /// When a quota cut the part's candidates short, the largest key it kept (hex): the merge
    /// checks that every key the part left out is beyond the sample; `nil` when nothing was cut.
    public var sampleCutAbove: String? = nil
    /// The ids this part rejected because an earlier part has them (from the vocabulary given to
    /// ``compute(_:options:strict:after:workers:)``), so the merge still lists them.
    public var rejectedRepeats: [MergedVocabulary.Duplicate] = []

    /// One document of the fit sample.
    public struct SampleDocument: Sendable, Hashable, Codable {
        /// Its position among the documents of its part (after the merge: of the whole input).
        public var position: Int
        /// The transcript id.
        public var id: String
        /// The document text (the customer's public turns, redacted).
        public var text: String
    }

    /// Reads `part` and counts it.
    /// - Parameter previous: the merged vocabulary of a first attempt that found ids repeated
    ///   across parts (``MergedVocabulary/rerunParts``): this part then rejects the ids that
    ///   earlier parts have, as a single run does.
    /// - Throws: ``IngestionProblem`` under strict ingestion or for a part that cannot be read as asked.
    /// - Parameter sampleQuota: at most this many sample candidates (default: the fit-sample limit,
    ///   which is always enough). A part holding a share *f* of the input expects about
    ///   *f* · limit sample documents, so a quota of twice that keeps partials small when there
    ///   are many parts; the merge finds a part whose quota was too small and asks for it again
    ///   (``MergedVocabulary/rerunParts``).
    public static func compute(_ part: InputPart, options: ThemeJobOptions, strict: Bool = false, after previous: MergedVocabulary? = nil,
                               sampleQuota: Int? = nil, workers: Int = defaultWorkerCount) async throws -> VocabularyPartial {
        let applied = previous?.duplicates.filter { $0.firstPart < part.index } ?? []
        let input = try PartInput.read(part, options: options, strict: strict,
                                       earlierIDs: Set(applied.compactMap { UInt64($0.fingerprint, radix: 16) }))
        let themeOptions = options.themeOptions
        let documents = themeOptions.documents.build(input.transcripts).texts
        let extractor = options.extractor
        let ngramRange = themeOptions.tfidf.ngramRange
        let chunks = await ChunkedWork.map(count: documents.count, chunkSize: TFIDFVectorizer.chunkSize, workers: workers) { range in
            ChunkTermCounts(texts: range.lazy.map { documents[$0] }, session: extractor.makeSession(), ngramRange: ngramRange)
        }
        var counts: [String: (documents: Int, occurrences: Int)] = [:]
        var tokens = 0
        for chunk in chunks {
            for (local, term) in chunk.terms.enumerated() {
                counts[term, default: (0, 0)].documents += chunk.documentFrequency[local]
                counts[term, default: (0, 0)].occurrences += chunk.termFrequency[local]
                tokens += chunk.termFrequency[local]
            }
        }
        let terms = counts.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let ids = input.transcripts.indices.map(input.transcripts.transcriptID(at:))
        let limit = min(options.fitSample > 0 ? options.fitSample : Int.max, max(1, sampleQuota ?? Int.max))
        let drawn = FitSample(limit: limit).indices(of: ids) ?? Array(ids.indices)
        let cut = drawn.count < ids.count && drawn.count < (options.fitSample > 0 ? options.fitSample : Int.max)
        let largest = cut ? drawn.map { FitSample.key(of: ids[$0]) }.max() : nil
        return VocabularyPartial(options: options, optionsHash: options.hash, reading: input.reading, documents: documents.count, tokens: tokens,
                                 terms: terms, documentFrequencies: terms.map { counts[$0]!.documents },
                                 termFrequencies: terms.map { counts[$0]!.occurrences },
                                 sample: drawn.map { SampleDocument(position: $0, id: ids[$0], text: documents[$0]) },
                                 idFingerprints: Self.encodeFingerprints(input.fingerprints), sampleCutAbove: largest.map { String($0, radix: 16) },
                                 rejectedRepeats: applied)
    }

    /// The partial as canonical JSON.
    public func encoded() -> [UInt8] { PartialJSON.encode(self) }

    /// Reads a partial written by ``encoded()``.
    /// - Throws: ``PartialError`` naming `path` when it is not one.
    public static func read(path: String) throws(PartialError) -> VocabularyPartial {
        try PartialJSON.read(VocabularyPartial.self, path: path, expecting: format)
    }

    static func encodeFingerprints(_ fingerprints: [UInt64]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fingerprints.count * 8)
        for value in fingerprints.sorted() { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        return Data(bytes).base64EncodedString()
    }

    static func decodeFingerprints(_ text: String) -> [UInt64]? {
        guard let data = Data(base64Encoded: text), data.count % 8 == 0 else { return nil }
        return stride(from: 0, to: data.count, by: 8).map { start in
            data[data.startIndex + start ..< data.startIndex + start + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        }
    }
}
