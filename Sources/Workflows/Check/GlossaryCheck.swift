import DilmancModels
import Foundation
import Formats
import Terminology

/// `check`, the release gate: translated units read from TMX, XLIFF or
/// parallel plain texts, checked against the glossary, and a verdict by the
/// severity that fails the gate.
///
/// The target languages, when not given, are read from the input: an XLIFF's
/// target language, the languages a TMX holds besides the source, or the
/// language suffixes of plain-text files (`letter.ru.txt`).
///
/// ```swift
/// var check = GlossaryCheck(inputs: ["release.tmx"])
/// let outcome = try check.run()
/// outcome.failed   // true when an error-level finding exists
/// ```
public struct GlossaryCheck: Sendable {
    /// Which findings fail the gate.
    public enum FailOn: String, CaseIterable, Sendable { case error, warning, never }

    public var inputs: [String]
    public var sourceLanguage: LanguageTag
    /// Nil: read from the inputs.
    public var targetLanguages: [LanguageTag]?
    /// Term bases; empty: every one in ./glossaries.
    public var glossaries: [String] = []
    public var failOn = FailOn.error

    public init(inputs: [String], from source: LanguageTag = LanguageTag.english, to targets: [LanguageTag]? = nil) {
        self.inputs = inputs
        sourceLanguage = source
        targetLanguages = targets
    }

    public struct Outcome: Sendable {
        public var report: FindingsReport
        /// Whether a finding at or above `failOn` exists.
        public var failed: Bool
        /// The input files' names, for a report's title.
        public var title: String
    }

    /// Reads and checks every input.
    ///
    /// - Throws: `DilmancError` for a missing or malformed input or glossary,
    ///   or when no target language can be told.
    public func run(progress: any ProgressReporter = SilentProgress()) throws -> Outcome {
        let termBase = try GlossaryCatalog.termBase(glossaries)
        let files = try inputs.map(CheckInput.File.init)
        let targets = try targetLanguages ?? CheckInput.targetLanguages(of: files, source: sourceLanguage)
        let read = try CheckInput.read(files, source: sourceLanguage, targets: targets)
        let checker = try TermChecker(termBase: termBase, sourceLanguage: sourceLanguage.code, targetLanguages: targets.map(\.code))
        var located: [FindingsReport.Located] = []
        var units = 0
        for input in read {
            units += input.segments.count + input.alignmentSegments.count
            progress.update(input.file)
            let byUnit = Dictionary(input.segments.map { ($0.unit, $0) }, uniquingKeysWith: { first, _ in first })
            located += try (input.alignmentFindings + checker.check(input.segments)).map { finding in
                var finding = finding
                let segment = byUnit[finding.unit] ?? input.alignmentSegments[finding.unit]
                let place = input.place(of: finding)
                finding.unit = place.unit
                let target = finding.language == sourceLanguage.code ? nil : segment?.targets[finding.language]
                let source = segment?.source.isEmpty == false ? segment?.source : nil
                return FindingsReport.Located(file: place.file, finding: finding, source: source, target: target)
            }
        }
        progress.finish()
        let failed = switch failOn {
        case .error: located.contains { $0.finding.severity == .error }
        case .warning: !located.isEmpty
        case .never: false
        }
        let report = FindingsReport(findings: located, units: units, sourceLanguage: sourceLanguage.code, targetLanguages: targets.map(\.code), failed: failed)
        return Outcome(report: report, failed: failed,
                       title: "Glossary check: " + read.map { URL(fileURLWithPath: $0.file).lastPathComponent }.joined(separator: ", "))
    }
}
