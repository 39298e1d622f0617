import Foundation
import ThemeCluster

extension ThemeReport {
    /// The report of a partitioned run (`minectl partial merge-report`, `minectl themes
    /// --model`): the ``AssignmentPartial``s of every part merged in part order — counts and
    /// tallies added, problems renumbered, the best quote candidates of every part pooled — and
    /// the themes described and ranked as a single run describes them. The result is the same for
    /// any split of the input and any order of `partials`.
    ///
    /// The report keeps no per-conversation rows (``ThemeResult/transcriptIDs`` is empty; the
    /// parts write their assignments themselves).
    /// - Parameters:
    ///   - names: the file each partial came from, for messages.
    ///   - settings: settings shown after the model's (for example `top`).
    ///   - top: how many themes the report shows.
    ///   - fingerprint: the fingerprint of a split input file (by default: read and hashed
    ///     whole, as a single run hashes it; `nil` when it cannot be read).
    /// - Throws: ``PartialError`` when a partial was made with another model or options, or parts
    ///   are missing, repeated or do not tile their file.
    public init(model: ThemeModel, merging partials: [AssignmentPartial], names: [String]? = nil, settings: [ReportSetting] = [],
                top: Int? = nil, workers: Int = defaultWorkerCount,
                fingerprint: ((String) -> InputFingerprint?)? = nil) async throws(PartialError) {
        let names = names ?? partials.indices.map { "partial \($0 + 1)" }
        let order = try PartOrder(partials.map(\.reading.part), names: names)
        for index in order.sorted {
            let partial = partials[index]
            guard partial.modelHash == model.contentHash, partial.optionsHash == model.optionsHash else {
                throw PartialError(file: names[index], reason: "was computed with another model (\(partial.modelHash.prefix(12))) than this one (\(model.contentHash.prefix(12)))")
            }
            guard partial.tallies.count == model.themes.count + 1, partial.candidates.count == model.themes.count else {
                throw PartialError(file: names[index], reason: "has \(partial.candidates.count) themes, the model \(model.themes.count)")
            }
        }
        let sorted = order.sorted.map { partials[$0] }
        let ingestion = try IngestionSummary.merging(sorted.map(\.reading), fingerprint: fingerprint ?? PartialJSON.fingerprint)
        let themeCount = model.themes.count
        var tallies = [ThemeTally](repeating: ThemeTally(), count: themeCount + 1)
        var candidates = [[AssignmentPartial.Candidate]](repeating: [], count: themeCount)
        var before = 0, filteredOut = 0, withoutTerms = 0, below = 0
        for partial in sorted {
            for group in tallies.indices { tallies[group].add(partial.tallies[group]) }
            for theme in 0..<themeCount {
                candidates[theme] += partial.candidates[theme].map { var candidate = $0; candidate.position += before; return candidate }
            }
            before += partial.documents
            filteredOut += partial.filteredOut
            withoutTerms += partial.unclusteredWithoutTerms
            below += partial.unclusteredBelowSimilarity
        }
        let total = before
        let options = model.options.themeOptions
        let quoted = candidates.map { list in
            options.exemplars.candidates(list, similarity: \.similarity, position: \.position).sorted { $0.position < $1.position }.map(\.transcript)
        }
        let centroids = model.centroids
        let exemplars = await options.exemplars.select(candidates: quoted, centroids: centroids, model: model.tfidfModel,
                                                       documents: options.documents, workers: workers)
        var themes = (0..<themeCount).map { cluster -> Theme in
            let top = Theme.heaviestTerms(of: centroids.vector(cluster), vocabulary: model.terms)
            let labeling = model.themes[cluster].labeling
            return Theme(id: cluster, rank: 0, label: labeling.label, labelTerms: labeling.terms, terms: top.prefix(10).map { ($0.term, $0.weight) },
                         centroidTerms: top,
                         statistics: ThemeStatistics(tally: tallies[cluster], total: total), exemplars: exemplars[cluster])
        }
        themes.sort { ($0.statistics.painScore, -$0.id) > ($1.statistics.painScore, -$1.id) }
        for index in themes.indices { themes[index].rank = index + 1 }
        var result = ThemeResult(transcriptIDs: [], assignments: [], similarities: [], conversations: [], themes: themes,
                                 unclustered: ThemeStatistics(tally: tallies[themeCount], total: total),
                                 unclusteredWithoutTerms: withoutTerms, unclusteredBelowSimilarity: below,
                                 vocabularySize: model.terms.count, iterations: model.iterations, objective: model.objective,
                                 merges: model.merges.map { KMeansResult.Merge(clusters: $0.clusters, similarity: $0.similarity) },
                                 timings: [], k: model.k, kSelection: model.kSelection, vocabulary: model.terms,
                                 documentFrequencies: model.documentFrequencies, codeFrequencies: [:], fittedDocuments: model.fittedDocuments)
        result.mergedConversationCount = total
        if sorted.allSatisfy({ $0.codeFrequencies != nil }) {
            var codes: [String: Int] = [:]
            for partial in sorted { codes.merge(partial.codeFrequencies!, uniquingKeysWith: +) }
            result.codeFrequencies = codes.filter { $0.value >= CodeTermCounter().minimumDocuments }
        }
        self.init(result: result, ingestion: ingestion, settings: model.settings + [ReportSetting("model", String(model.contentHash.prefix(12)))] + settings,
                  inputs: ingestion.inputs, filteredOut: filteredOut, top: top)
    }
}
