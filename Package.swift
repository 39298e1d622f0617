// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "TranscriptMiner",
    products: [
        .library(name: "Tokenizer", targets: ["Tokenizer"]),
        .library(name: "ThemeCluster", targets: ["ThemeCluster"]),
        .library(name: "TranscriptMiner", targets: ["TranscriptMiner"]),
        .executable(name: "minectl", targets: ["minectl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // The run history (`minectl themes --db`, `minectl trends`): SQLite through GRDB, built against the
        // system's SQLite (Debian's libsqlite3-dev, installed by scripts/ensure-deps).
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // The ICU calls (Debian's libicu-dev, installed by scripts/setup), behind a header that uses
        // plain C types and opaque handles only: no Swift module may ever see an ICU header, because
        // Foundation on Linux carries its own ICU whose C types clash with the system's (see
        // Sources/CICUShim/include/cicushim.h). The .c files include <unicode/...> directly.
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        // SHA-256 of the inputs (report fingerprints) from the system's libcrypto (Debian's
        // libssl-dev, installed by scripts/ensure-deps), behind a header with plain C types.
        .target(name: "CDigest", linkerSettings: [.linkedLibrary("crypto")]),
        // zlib for gzip-compressed inputs (Debian's zlib1g-dev, installed by scripts/ensure-deps).
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // The built-in sentiment lexicon: a readable, commented TSV compiled into the binary with
        // C23 #embed (no resource bundle to find at run time; SwiftPM's embedInCode takes minutes
        // to compile a file this size).
        .target(name: "CSentimentLexicon", exclude: ["sentiment-lexicon.tsv"]),
        .target(name: "Tokenizer", dependencies: ["CICUShim"]),
        // ThemeCluster's two hottest loops in C, one function per vector width (AVX-512, AVX2, SSE2)
        // chosen at run time: Swift builds for the baseline x86-64 only (Sources/CClusterKernels).
        .target(name: "CClusterKernels"),
        .target(name: "ThemeCluster", dependencies: ["CClusterKernels"]),
        .target(
            name: "TranscriptMiner",
            dependencies: [
                "Tokenizer", "ThemeCluster", "CZlib", "CSentimentLexicon", "CDigest",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .executableTarget(
            name: "minectl",
            dependencies: [
                "TranscriptMiner",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["ThemeCluster"], path: "Tests/TestSupport"),
        .testTarget(name: "TokenizerTests", dependencies: ["Tokenizer", "TestSupport"]),
        .testTarget(name: "ThemeClusterTests", dependencies: ["ThemeCluster", "TestSupport"]),
        .testTarget(
            name: "TranscriptMinerTests",
            dependencies: ["TranscriptMiner", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "minectlTests", dependencies: ["TestSupport", "TranscriptMiner"], exclude: ["Snapshots"]),
    ]
)
