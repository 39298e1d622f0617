import GRDB

/// Why the run history could not be opened, read or written. Its description names the database
/// file and the reason, and never holds transcript text.
///
/// A failed write leaves the database as it was: a run is recorded in one transaction.
public struct RunHistoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public enum Code: String, Sendable, Hashable {
        /// The file cannot be opened or created (missing folder, permissions).
        case cannotOpen
        /// The file is not a SQLite database, or not a run history (other tables, no migrations).
        case notAHistory
        /// The database was written by a newer version of minectl, with a schema this one does not know.
        case newerSchema
        /// The database or its folder is read-only.
        case readOnly
        /// Another process held the database longer than the busy timeout.
        case busy
        /// The disk (or the file system quota) is full.
        case diskFull
        /// SQLite found the file damaged.
        case corrupt
        /// The history holds no run (for trends), or not the run asked for.
        case noRuns
        /// Any other SQLite failure.
        case failed
    }

    /// The kind of failure.
    public var code: Code
    /// The database file.
    public var path: String
    /// What went wrong, in words.
    public var reason: String

    /// Creates an error.
    public init(_ code: Code, path: String, _ reason: String) {
        self.code = code
        self.path = path
        self.reason = reason
    }

    public var description: String { "history database \(path): \(reason)" }

    /// Translates a GRDB/SQLite error into a ``RunHistoryError`` for `path`.
    static func from(_ error: any Error, path: String) -> RunHistoryError {
        if let error = error as? RunHistoryError { return error }
        guard let error = error as? DatabaseError else { return RunHistoryError(.failed, path: path, "\(error)") }
        let message = error.message ?? "SQLite error \(error.resultCode.rawValue)"
        switch error.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return RunHistoryError(.busy, path: path, "another run is using the database (\(message)); try again when it has finished, or raise the busy timeout")
        case .SQLITE_READONLY:
            return RunHistoryError(.readOnly, path: path, "the database is read-only (\(message)); nothing was recorded")
        case .SQLITE_FULL:
            return RunHistoryError(.diskFull, path: path, "the disk is full (\(message)); nothing was recorded")
        case .SQLITE_NOTADB:
            return RunHistoryError(.notAHistory, path: path, "not a SQLite database")
        case .SQLITE_CORRUPT:
            return RunHistoryError(.corrupt, path: path, "the database is damaged (\(message))")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return RunHistoryError(.cannotOpen, path: path, "cannot open it (\(message))")
        case .SQLITE_IOERR:
            return RunHistoryError(.failed, path: path, "input/output error (\(message)); nothing was recorded")
        default:
            return RunHistoryError(.failed, path: path, message)
        }
    }
}
