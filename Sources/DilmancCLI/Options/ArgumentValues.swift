import ArgumentParser
import DilmancModels
import Workflows

// What options parse into: language tags checked as BCP 47 when the command
// line is read, so that a bad code is a usage error before any work starts.

extension LanguageTag: ExpressibleByArgument {
    public init?(argument: String) {
        try? self.init(validating: argument)
    }
}

/// A comma-separated list of language tags (`--to az,ru`).
struct LanguageTagList: ExpressibleByArgument, CustomStringConvertible, Sendable {
    var tags: [LanguageTag]

    init(_ tags: [LanguageTag]) { self.tags = tags }

    init?(argument: String) {
        guard let tags = try? LanguageList.tags(argument, option: "") else { return nil }
        self.tags = tags
    }

    var description: String { tags.map(\.code).joined(separator: ",") }
}

extension OutputFormat: ExpressibleByArgument {}
extension AnalysisTable.Format: ExpressibleByArgument {}
extension PrefillJob.Format: ExpressibleByArgument {}
extension GlossaryCheck.FailOn: ExpressibleByArgument {}
