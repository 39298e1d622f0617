import CDigest
import Foundation

/// How partial results, vocabularies and models are written and read: JSON with sorted keys, so
/// the same value always gives the same bytes, and numbers in Swift's shortest round-trip form,
/// so every `Double` reads back bit for bit.
enum PartialJSON {
    /// The field every partial, vocabulary and model starts with.
    private struct Header: Decodable { var format: String? }

    /// The canonical JSON of `value`.
    static func encode(_ value: some Encodable) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding our own plain value types cannot fail.
        return Array(try! encoder.encode(value))
    }

    /// Decodes a `T` from `bytes`, checking its `format` field first so that a file of another
    /// kind (or a later version) gets a clear error instead of a missing-key one.
    static func decode<T: Decodable>(_ type: T.Type, from bytes: Data, expecting format: String, file: String) throws(PartialError) -> T {
        guard let header = try? JSONDecoder().decode(Header.self, from: bytes) else {
            throw PartialError(file: file, reason: "is not a JSON object (expected \(format))")
        }
        guard header.format == format else {
            throw PartialError(file: file, reason: "has format \(header.format.map { "'\($0)'" } ?? "none"), expected '\(format)'")
        }
        do {
            return try JSONDecoder().decode(T.self, from: bytes)
        } catch {
            throw PartialError(file: file, reason: "is not a valid \(format): \(error)")
        }
    }

    /// Reads and decodes the file at `path` (see ``decode(_:from:expecting:file:)``).
    static func read<T: Decodable>(_ type: T.Type, path: String, expecting format: String) throws(PartialError) -> T {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PartialError(file: path, reason: "cannot be read: \((error as NSError).localizedDescription)")
        }
        return try decode(type, from: data, expecting: format, file: path)
    }

    /// The SHA-256 of `bytes`, lowercase hex.
    static func sha256Hex(_ bytes: [UInt8]) -> String {
        let digest = cdigest_sha256_new()
        defer { cdigest_sha256_free(digest) }
        bytes.withUnsafeBytes { cdigest_sha256_update(digest, $0.baseAddress, $0.count) }
        var out = [UInt8](repeating: 0, count: 32)
        _ = cdigest_sha256_final(digest, &out)
        return hex(out)
    }

    /// The SHA-256 and size of the file at `path`, as a whole run fingerprints its inputs.
    static func fingerprint(path: String) -> InputFingerprint? {
        guard let stream = try? FileStream(path: path) else { return nil }
        let hashing = HashingStream(stream)
        let sha = hashing.finish()
        return InputFingerprint(path: path, bytes: hashing.byteCount, sha256: sha)
    }

    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}

/// A partial result, vocabulary or model that cannot be used: the file and the reason.
public struct PartialError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `-`).
    public var file: String
    /// What is wrong, as a phrase following the file name.
    public var reason: String

    /// Creates an error.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file) \(reason)" }
}
