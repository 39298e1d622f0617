import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl assign`: the second pass of a partitioned run over one part.
struct Assign: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Assign one part's transcripts to the themes of a model; prints the part's partial (JSON) for minectl partial merge-report.",
        discussion: """
            The input is read with the options stored in the model. With --assignments-out, every \
            transcript's theme is also written to that file as JSON lines ({"id", "theme", \
            "similarity"}), atomically (a temporary file renamed over it), so a task that is run \
            again leaves one complete file.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 the part, the model or \
            the vocabulary could not be read, 73 an output could not be written.
            """
    )

    @Option(help: "The model (from minectl fit).")
    var model: String

    @Option(help: "The merged vocabulary of the run, whose list of ids read by more than one part makes later parts reject them as duplicates.")
    var vocabulary: String?

    @OptionGroup var part: PartArguments

    @Option(name: .customLong("assignments-out"), help: "Also write every transcript's theme to this file (JSON lines, atomically).")
    var assignmentsOut: String?

    @Option(name: .customLong("rows-out"), help: "Also write every transcript's theme, similarity, sentiment and content hash to this file (atomically), for minectl partial merge-report --db; the partial then counts codes for the history's new words.")
    var rowsOut: String?

    @Option(help: "Write the partial to this file (atomically) instead of standard output.")
    var out: String?

    func run() async throws {
        let model = try PartialCommands.load(ThemeModel.read, self.model)
        let earlier = try vocabulary.map { try PartialCommands.load(MergedVocabulary.read, $0).earlierIDs(forPart: part.partIndex) } ?? []
        let (partial, rows, _) = try await PartialCommands.reading(part.part, strict: part.strict) {
            try await AssignmentPartial.compute(part.part, model: model, strict: part.strict, earlierIDs: earlier, forHistory: rowsOut != nil)
        }
        if let assignmentsOut { try ReportOutput.write(rows.jsonLines(), to: assignmentsOut, command: "assign") }
        if let rowsOut { try ReportOutput.write(rows.file(part: part.partIndex, modelHash: model.contentHash), to: rowsOut, command: "assign") }
        try PartialCommands.write(partial.encoded(), to: out, command: "assign")
    }
}
