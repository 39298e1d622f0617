import Foundation

/// Where a rendered report goes: the `--out` file, written atomically (a temporary file renamed
/// over it, so a reader never sees half a report), or standard output.
enum ReportOutput {
    /// Writes `text` to `path` or, when it is `nil`, to standard output.
    /// - Throws: ``ExitCodes/cannotWrite`` after saying why on standard error, naming `command`.
    static func write(_ text: String, to path: String?, command: String) throws {
        guard let path else {
            let output = OutputBuffer()
            output.write(text)
            output.flush()
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Diagnostics.error("minectl \(command): cannot write \(path): \(error.localizedDescription)")
            throw ExitCodes.cannotWrite
        }
    }
}
