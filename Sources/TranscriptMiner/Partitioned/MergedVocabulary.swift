import Foundation

/// The vocabulary of a partitioned themes run (`minectl partial merge-vocabulary`): the
/// ``VocabularyPartial``s of every part added up, pruned by the TF-IDF options only then (so
/// `minDF`, `maxDF` and `maxFeatures` see whole-input counts, as in a single run), and the fit
/// sample drawn from the parts' candidates. ``ThemeModel/fit(_:options:labeler:)`` fits the
/// themes on it.
///
/// ```swift
/// let vocabulary = try MergedVocabulary(merging: partials)
/// let model = try await ThemeModel.fit(vocabulary, options: options)
/// ```
///
/// Exact for any split: counts are integers and the sample depends only on the ids. A single
/// run rejects an id it has already read; parts cannot see each other, so an id accepted by more
/// than one part is found here, from the ids' fingerprints: it goes into ``duplicates`` and the
/// parts holding later copies into ``rerunParts``. Those parts are counted again with this
/// vocabulary (``VocabularyPartial/compute(_:options:strict:after:workers:)`` rejects the copies)
/// and merged with the others; ``ThemeModel/fit(_:clustering:themeCount:settings:)`` refuses a
/// vocabulary that still has parts to rerun. Repeated ids are rare, so the extra work is too.
public struct MergedVocabulary: Sendable, Codable {
    /// The format identifier written in every merged vocabulary.
    public static let format = "minectl/vocabulary@1"

    /// ``format``.
    public var format = Self.format
    /// The library version that made it.
    public var version = LibraryInfo.version
    /// The options shared by every part.
    public var options: ThemeJobOptions
    /// Their ``ThemeJobOptions/hash``.
    public var optionsHash: String
    /// The number of parts merged.
    public var parts: Int
    /// Documents over every part.
    public var documentCount: Int
    /// Terms counted over every part (with repeats).
    public var tokenCount: Int
    /// The kept terms (TF-IDF columns), in code-point order.
    public var terms: [String]
    /// Documents containing each kept term.
    public var documentFrequencies: [Int]
    /// Distinct terms removed by the document-frequency bounds or `maxFeatures`.
    public var prunedTermCount: Int
    /// The fit sample, in input order, with positions among all documents.
    public var sample: [VocabularyPartial.SampleDocument]
    /// Ids accepted by more than one part: their fingerprint and the first part that has them.
    public var duplicates: [Duplicate]
    /// Parts to count again, with this vocabulary and without a sample quota, before fitting: parts
    /// that accepted an id an earlier part accepted, and parts whose sample quota was too small.
    public var rerunParts: [Int]

    /// An id read by more than one part.
    public struct Duplicate: Sendable, Hashable, Codable {
        /// ``Ingestor/fingerprint(_:)`` of the id, 16 hex digits.
        public var fingerprint: String
        /// The first part (in input order) that accepted it: later parts reject it.
        public var firstPart: Int
    }

    /// Merges the partials of every part (in any order).
    /// - Parameter names: the file each partial came from, for messages (default: "partial N").
    /// - Throws: ``PartialError`` when the partials do not belong together (options, versions),
    ///   a part is missing or repeated, or the TF-IDF options leave no term.
    public init(merging partials: [VocabularyPartial], names: [String]? = nil) throws(PartialError) {
        let names = names ?? partials.indices.map { "partial \($0 + 1)" }
        let order = try PartOrder(partials.map(\.reading.part), names: names)
        let first = partials[order.sorted[0]]
        for index in order.sorted where partials[index].optionsHash != first.optionsHash || partials[index].version != first.version {
            throw PartialError(file: names[index], reason: "was made with other options or another minectl version than \(names[order.sorted[0]]): they cannot be merged")
        }
        options = first.options
        optionsHash = first.optionsHash
        parts = partials.count
        var counts: [String: (documents: Int, occurrences: Int)] = [:]
        var before = 0
        var candidates: [VocabularyPartial.SampleDocument] = []
        var firstPartOf: [UInt64: Int] = [:]
        var repeated: [UInt64: Int] = [:]
        var rerun = Set<Int>()
        tokenCount = 0
        for index in order.sorted {
            let partial = partials[index]
            for (position, term) in partial.terms.enumerated() {
                counts[term, default: (0, 0)].documents += partial.documentFrequencies[position]
                counts[term, default: (0, 0)].occurrences += partial.termFrequencies[position]
            }
            tokenCount += partial.tokens
            candidates += partial.sample.map { VocabularyPartial.SampleDocument(position: before + $0.position, id: $0.id, text: $0.text) }
            before += partial.documents
            guard let fingerprints = VocabularyPartial.decodeFingerprints(partial.idFingerprints) else {
                throw PartialError(file: names[index], reason: "has damaged id fingerprints")
            }
            for fingerprint in fingerprints {
                if let owner = firstPartOf[fingerprint] {
                    if owner != partial.reading.part.index {
                        repeated[fingerprint] = owner
                        rerun.insert(partial.reading.part.index)
                    }
                } else {
                    firstPartOf[fingerprint] = partial.reading.part.index
                }
            }
            for duplicate in partial.rejectedRepeats {
                if let fingerprint = UInt64(duplicate.fingerprint, radix: 16) { repeated[fingerprint] = duplicate.firstPart }
            }
        }
        documentCount = before
        let allTerms = Array(counts.keys)
        let kept: [Int]
        do {
            kept = try VocabularySelection.select(documentFrequency: allTerms.map { counts[$0]!.documents },
                                                  termFrequency: allTerms.map { counts[$0]!.occurrences },
                                                  terms: allTerms, documentCount: documentCount, options: options.themeOptions.tfidf)
        } catch {
            throw PartialError(file: names[order.sorted[0]], reason: "and the other partials leave no vocabulary: \(error)")
        }
        terms = kept.map { allTerms[$0] }
        documentFrequencies = terms.map { counts[$0]!.documents }
        prunedTermCount = allTerms.count - kept.count
        var lastKey = UInt64.max   // the largest key in the sample (every key when all documents are fitted)
        // The candidates are in input order, so FitSample's ties (the lower index) are the whole run's.
        if options.fitSample > 0, documentCount > options.fitSample,
           let drawn = FitSample(limit: options.fitSample).indices(of: candidates.map(\.id)) {
            candidates = drawn.map { candidates[$0] }
            lastKey = candidates.map { FitSample.key(of: $0.id) }.max() ?? .max
        }
        // A part whose quota cut its candidates at a key not beyond the sample's last may hold
        // sample documents it did not send: it is counted again without a quota.
        for index in order.sorted {
            if let cut = partials[index].sampleCutAbove.flatMap({ UInt64($0, radix: 16) }), cut <= lastKey {
                rerun.insert(partials[index].reading.part.index)
            }
        }
        sample = candidates
        duplicates = repeated.map { Duplicate(fingerprint: String($0.key, radix: 16), firstPart: $0.value) }
            .sorted { ($0.firstPart, $0.fingerprint) < ($1.firstPart, $1.fingerprint) }
        rerunParts = rerun.sorted()
    }

    /// The fingerprints of ids that parts before `part` accepted and `part` must reject.
    public func earlierIDs(forPart part: Int) -> Set<UInt64> {
        Set(duplicates.filter { $0.firstPart < part }.compactMap { UInt64($0.fingerprint, radix: 16) })
    }

    /// The TF-IDF model of the vocabulary: its terms, document frequencies and idf.
    public var tfidfModel: TFIDFModel {
        TFIDFModel(options: options.themeOptions.tfidf, extractor: options.extractor, vocabulary: terms,
                   documentFrequencies: documentFrequencies, documentCount: documentCount, prunedTermCount: prunedTermCount)
    }

    /// The vocabulary as canonical JSON.
    public func encoded() -> [UInt8] { PartialJSON.encode(self) }

    /// Reads a vocabulary written by ``encoded()``.
    /// - Throws: ``PartialError`` naming `path` when it is not one.
    public static func read(path: String) throws(PartialError) -> MergedVocabulary {
        try PartialJSON.read(MergedVocabulary.self, path: path, expecting: format)
    }
}

/// The parts of a partitioned run, checked: numbered 0, 1, …, n − 1 with none missing or
/// repeated; ``sorted`` lists the inputs' positions in part order.
struct PartOrder {
    let sorted: [Int]

    init(_ parts: [InputPart], names: [String]) throws(PartialError) {
        guard !parts.isEmpty else { throw PartialError(file: "-", reason: "no partial results to merge") }
        sorted = parts.indices.sorted { parts[$0].index < parts[$1].index }
        for (expected, position) in sorted.enumerated() where parts[position].index != expected {
            if expected > 0 && parts[sorted[expected - 1]].index == parts[position].index {
                throw PartialError(file: names[position], reason: "is part \(parts[position].index), like \(names[sorted[expected - 1]]): a part is given twice")
            }
            throw PartialError(file: names[position], reason: "is part \(parts[position].index), but part \(expected) is missing (parts are numbered from 0)")
        }
    }
}
