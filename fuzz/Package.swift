// swift-tools-version: 6.1
// libFuzzer targets, one per reader. Build and run with fuzz/run (not part of the tests).
import Foundation
import PackageDescription

/// A path dependency's identity is its folder's name (`main`, a clone's name…).
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent.lowercased()

let readers = ["JSONL", "Lines", "JSONArray", "CSV", "PlainText", "Email", "Mbox", "Zendesk"]

let package = Package(
    name: "TranscriptMinerFuzz",
    dependencies: [.package(path: "..")],
    targets: readers.map { name in
        .executableTarget(
            name: "Fuzz\(name)",
            dependencies: [.product(name: "TranscriptMiner", package: root)],
            path: "Sources/Fuzz\(name)",
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
