import ArgumentParser
import TranscriptMiner

/// Which part of the input one task of a partitioned run reads: a byte range of a file, or
/// standard input standing for a piece of one.
struct PartArguments: ParsableArguments {
    @Option(help: "The file to read a part of; without it, standard input is read (a piece of the JSONL file named by --source).")
    var input: String?

    @Option(help: "With --input, the first byte of the part: it owns the lines that start in [offset, offset + length). For standard input, the piece's position in its source (0 for the first).")
    var offset: Int = 0

    @Option(help: "With --input, the part's length in bytes (default: to the end of the file).")
    var length: Int?

    @Option(help: "Without --input, the name of the file standard input comes from (messages and the report name it).")
    var source: String?

    @Option(name: .customLong("part-index"), help: "The part's number in the whole input, from 0 (files in order, a file's parts by offset).")
    var partIndex: Int = 0

    @Flag(help: "Stop at the first problem with a non-zero exit code instead of skipping and reporting.")
    var strict = false

    func validate() throws {
        guard offset >= 0 else { throw ValidationError("--offset must be 0 or more (got \(offset))") }
        if let length, length < 0 { throw ValidationError("--length must be 0 or more (got \(length))") }
        guard partIndex >= 0 else { throw ValidationError("--part-index must be 0 or more (got \(partIndex))") }
        if input == nil && source == nil { throw ValidationError("give --input PATH, or --source NAME to read standard input") }
        if input != nil && source != nil { throw ValidationError("--source names standard input: it does not go with --input") }
        if input == nil && length != nil { throw ValidationError("--length applies to --input only") }
    }

    /// The part.
    var part: InputPart {
        if let input { return InputPart(index: partIndex, source: input, offset: offset, length: length) }
        return InputPart(index: partIndex, source: source ?? "-", offset: offset, readsStandardInput: true)
    }
}
