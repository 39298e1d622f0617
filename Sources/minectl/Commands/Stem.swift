import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl stem`: the Snowball English stemmer, one word per line.
struct Stem: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the Snowball English (Porter2) stem of each word on standard input.",
        discussion: """
            Reads one word per line and prints its stem on the same line number: the format of \
            the Snowball project's voc.txt and output.txt. Words are stemmed as given (the \
            algorithm expects lower case); empty lines give empty lines.

            Exit codes: 0 ok, 64 bad usage, 66 unreadable input.
            """
    )

    func run() throws {
        let stemmer = EnglishStemmer()
        let output = OutputBuffer()
        var reader = LineReader(FileStream(fileDescriptor: 0))
        do {
            while let line = try reader.next() {
                output.write(stemmer.stem(RepairedText(line.bytes).text))
                output.write("\n")
            }
        } catch {
            output.flush()
            FileHandle.standardError.write(Data("minectl stem: standard input: \(error)\n".utf8))
            throw ExitCodes.unreadableInput
        }
        output.flush()
    }
}
