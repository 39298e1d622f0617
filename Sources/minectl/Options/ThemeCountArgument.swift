import ArgumentParser
import TranscriptMiner

/// The value of `--k`: `auto` or a positive number of themes.
enum ThemeCountArgument: Equatable, ExpressibleByArgument, CustomStringConvertible {
    case auto
    case fixed(Int)

    init?(argument: String) {
        if argument.lowercased() == "auto" {
            self = .auto
        } else if let k = Int(argument) {
            self = .fixed(k)
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .auto: "auto"
        case .fixed(let k): String(k)
        }
    }

    var defaultValueDescription: String { description }
}

extension ClusterCountSelector.Criterion: ExpressibleByArgument {
    public init?(argument: String) {
        guard let criterion = Self.allCases.first(where: { $0.argumentName == argument }) else { return nil }
        self = criterion
    }

    /// The command-line spelling: `silhouette`, `calinski-harabasz`, `davies-bouldin`, `stability`.
    var argumentName: String {
        switch self {
        case .silhouette: "silhouette"
        case .calinskiHarabasz: "calinski-harabasz"
        case .daviesBouldin: "davies-bouldin"
        case .stability: "stability"
        case .modularity: "modularity"
        }
    }

    public var defaultValueDescription: String { argumentName }

    public static var allValueStrings: [String] { allCases.map(\.argumentName) }
}
