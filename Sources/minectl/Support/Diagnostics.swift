import Foundation

/// Messages on standard error.
enum Diagnostics {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}
