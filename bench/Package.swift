// swift-tools-version: 6.1
// The TranscriptMiner benchmarks: a package of its own, so benchmark code and its C baseline
// never reach the library's users. It depends on the project by path and is always built in
// release (`swift build -c release --package-path bench`); see bench/README.md.
import PackageDescription

let package = Package(
    name: "TranscriptMinerBenchmarks",
    dependencies: [
        .package(name: "TranscriptMiner", path: ".."),
    ],
    targets: [
        // The raw ICU baseline: ICU's word break loop in plain C, nothing else. Like the library's
        // CICUShim, only the .c file sees <unicode/...>; the public header uses <stdint.h> types,
        // because Foundation on Linux carries its own ICU whose C types clash with the system's.
        .target(
            name: "CRawICU",
            linkerSettings: [
                .linkedLibrary("icuuc"), .linkedLibrary("icui18n"), .linkedLibrary("icudata"),
            ]
        ),
        .executableTarget(
            name: "tokenizer-bench",
            dependencies: [
                "CRawICU",
                .product(name: "Tokenizer", package: "TranscriptMiner"),
            ]
        ),
        // Sentiment scoring throughput against the Python vaderSentiment package (run-sentiment.sh).
        .executableTarget(
            name: "sentiment-bench",
            dependencies: [
                .product(name: "TranscriptMiner", package: "TranscriptMiner"),
            ]
        ),
        // Clustering speed against scikit-learn's KMeans on the same TF-IDF vectors (run-cluster.sh).
        .executableTarget(
            name: "cluster-bench",
            dependencies: [
                .product(name: "TranscriptMiner", package: "TranscriptMiner"),
            ]
        ),
    ]
)
