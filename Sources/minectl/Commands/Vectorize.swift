import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl vectorize`: each transcript's TF-IDF terms and weights, for debugging and for other tools.
struct Vectorize: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print each transcript's TF-IDF terms and weights (JSON Lines).",
        discussion: """
            Builds one document per transcript from its public customer turns (--role all adds \
            agent turns, without the macros and signatures repeated across many transcripts), \
            runs the analysis chain (redaction, segmentation, case folding, placeholders, stop \
            words, optional stems and phrases), fits TF-IDF on all documents and prints, per \
            transcript id, its non-zero terms and weights, heaviest first:
              {"id":"T-1","terms":[{"term":"card","weight":0.71},...]}
            The options and their defaults are scikit-learn's TfidfVectorizer's: idf = \
            ln((1+n)/(1+df)) + 1 (or ln(n/df) + 1 with --no-smooth-idf), tf raw or 1 + ln(tf), \
            rows scaled to unit length. A summary goes to standard error.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read \
            or no terms remain.
            """
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var vectorizer: VectorizerOptions

    @Option(help: "Print at most N terms per transcript (the heaviest).")
    var top: Int?

    @Option(help: "Output format: jsonl.")
    var format: Format = .jsonl

    enum Format: String, ExpressibleByArgument, CaseIterable { case jsonl }

    func validate() throws {
        if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
    }

    func run() async throws {
        let (transcripts, summary) = try input.readAll(command: "vectorize")
        var builder = vectorizer.documentBuilder
        builder.includesPrivateTurns = input.keepPrivateNotes
        let documents = builder.build(transcripts)
        let model: TFIDFModel
        let matrix: SparseMatrix
        do {
            (model, matrix) = try await vectorizer.makeVectorizer().fitTransform(documents.texts)
        } catch {
            Diagnostics.error("minectl vectorize: \(error)")
            throw ExitCodes.unreadableInput
        }
        let output = OutputBuffer()
        for (index, transcript) in transcripts.enumerated() {
            output.write(VectorJSONL.line(id: transcript.id, row: matrix.row(index), vocabulary: model.vocabulary, maximumTerms: top))
        }
        output.flush()
        Diagnostics.error("minectl vectorize: \(summary.recordsRead) read, \(summary.recordsAnalyzed) analyzed, "
            + "\(summary.recordsRejected) rejected; \(model.columnCount) terms (\(model.prunedTermCount) pruned), "
            + "\(matrix.nonZeroCount) non-zeros; \(documents.removedClauseCount) canned clauses removed")
    }
}
