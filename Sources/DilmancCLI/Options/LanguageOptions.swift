import ArgumentParser
import DilmancModels

/// `--from` and `--to`, for every command with a source and targets.
/// `--source` and `--targets`, their names before, are still read (hidden)
/// for a release.
struct LanguageOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The source language (BCP 47: en, az, ru-RU). Default: en.", valueName: "code"), transform: LanguageTag.argument)
    var from: LanguageTag = .english

    @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "codes"), transform: LanguageTagList.argument)
    var to: LanguageTagList?

    @Option(name: .customLong("source"), help: .hidden, transform: LanguageTag.argument)
    var oldSource: LanguageTag?

    @Option(name: .customLong("targets"), help: .hidden, transform: LanguageTagList.argument)
    var oldTargets: LanguageTagList?

    var source: LanguageTag { oldSource ?? from }

    /// The targets given, or nil (for commands that can read them from input).
    var givenTargets: [LanguageTag]? { (to ?? oldTargets)?.tags }

    /// The targets, which the command needs.
    func targets() throws -> [LanguageTag] {
        guard let targets = givenTargets else { throw ValidationError("Missing expected argument '--to <codes>'.") }
        return targets
    }

    func validate() throws {
        if to != nil && oldTargets != nil { throw ValidationError("Give --to only (--targets is its old name).") }
        if let targets = givenTargets, targets.contains(where: { $0.primary == source.primary }) {
            throw ValidationError("--to lists the source language \(source); give the languages to translate into.")
        }
    }
}
