import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl themes --model`: every input assigned to a model's themes and reported, exactly as a
/// partitioned run over the same input reports (each file is one part).
struct ModelThemes {
    let command: Themes
    let modelPath: String

    func run() async throws {
        let started = ContinuousClock.now
        let model = try PartialCommands.load(ThemeModel.read, modelPath)
        // Open the history first: a database that cannot be used fails before the analysis.
        let history = try command.db.map { try HistoryRecording.open($0, command: "themes") }
        let keepsRows = command.assignments || history != nil
        let files = Ingestor.files(of: command.input.inputs)
        var earlier = Set<UInt64>()
        var partials: [AssignmentPartial] = []
        var rows: [AssignmentPartial.Rows] = []
        for (index, file) in files.enumerated() {
            let part = file == "-" ? InputPart(index: index, source: "-", readsStandardInput: true) : InputPart(index: index, source: file)
            let (partial, partRows, fingerprints) = try await PartialCommands.reading(part, strict: command.input.strict) {
                try await AssignmentPartial.compute(part, model: model, strict: command.input.strict, earlierIDs: earlier, forHistory: history != nil)
            }
            earlier.formUnion(fingerprints)
            partials.append(partial)
            if keepsRows { rows.append(partRows) }
        }
        if !partials.contains(where: { $0.reading.summary.filesRead > 0 }) {
            Diagnostics.error("minectl themes: no input could be read")
            throw ExitCodes.unreadableInput
        }
        let top = command.top
        var report = try await PartialCommands.merging {
            try await ThemeReport(model: model, merging: partials, settings: top.map { [ReportSetting("top", String($0))] } ?? [], top: top)
        }
        if keepsRows { report = try await PartialCommands.merging { try report.addingRows(rows) } }
        if let history {
            try HistoryRecording.record(&report, in: history, label: command.runLabel, trendRuns: command.trendRuns, command: "themes")
        }
        try ReportOutput.write(command.renderer.render(report), to: command.out, command: "themes")
        if !command.quiet {
            for problem in report.ingestion.problems.prefix(5) { Diagnostics.error("minectl themes: skipped \(problem)") }
            Diagnostics.error("minectl themes: " + ReportSummary.counts(report) + " · " + ReportSummary.themes(report) + " · "
                              + ReportNumbers.fixed(StageTiming.seconds(of: started.duration(to: .now)), decimals: 1) + " s")
        }
    }
}
