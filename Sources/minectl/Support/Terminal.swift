import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal minectl writes to.
enum Terminal {
    /// Whether `descriptor` is a terminal.
    static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) == 1 }

    /// The terminal's width in columns (`TIOCGWINSZ`, else `$COLUMNS`), or nil.
    static func columns(_ descriptor: Int32) -> Int? {
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 { return value }
        return nil
    }

    /// Colour is allowed unless `NO_COLOR` is set (to anything, https://no-color.org) or
    /// `TERM` is `dumb`.
    static var allowsColor: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}
