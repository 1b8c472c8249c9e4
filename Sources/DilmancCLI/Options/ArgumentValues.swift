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

extension LanguageTag {
    /// An option's value as a tag, or a usage error that says what a tag is.
    static func argument(_ text: String) throws -> LanguageTag {
        do {
            return try LanguageTag(validating: text)
        } catch let error as LanguageTagError {
            throw ValidationError(error.description)
        }
    }
}

/// A comma-separated list of language tags (`--to az,ru`).
struct LanguageTagList: ExpressibleByArgument, CustomStringConvertible, Sendable {
    var tags: [LanguageTag]

    init(_ tags: [LanguageTag]) { self.tags = tags }

    init?(argument: String) {
        guard let tags = try? Self.argument(argument) else { return nil }
        self = tags
    }

    /// The list, or a usage error naming the code that is not a tag.
    static func argument(_ text: String) throws -> LanguageTagList {
        do {
            return LanguageTagList(try LanguageList.tags(text, option: ""))
        } catch let error as DilmancError {
            throw ValidationError(error.message)
        }
    }

    var description: String { tags.map(\.code).joined(separator: ",") }
}

extension OutputFormat: ExpressibleByArgument {}
extension AnalysisTable.Format: ExpressibleByArgument {}
extension PrefillJob.Format: ExpressibleByArgument {}
extension GlossaryCheck.FailOn: ExpressibleByArgument {}
