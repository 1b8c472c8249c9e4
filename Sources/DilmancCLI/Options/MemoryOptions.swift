import ArgumentParser
import Workflows

/// The memories a command reads: `--memory`, repeatable, or every `.sqlite`
/// and `.tmx` in ./memories.
struct MemoryOptions: ParsableArguments {
    @Option(name: .customLong("memory"), help: ArgumentHelp("A memory (.sqlite or .tmx); repeatable. Default: every one in ./memories.", valueName: "file"))
    var memories: [String] = []
}

/// The one memory a command writes to or describes.
struct WritableMemoryOption: ParsableArguments {
    @Option(help: ArgumentHelp("The memory (.sqlite).", valueName: "file"))
    var memory: String = MemoryCatalog.defaultMemory
}

/// The term bases a command reads: `--glossary`, repeatable, or every
/// `.tbx`, `.csv` and `.tsv` in ./glossaries.
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: ArgumentHelp("A term base (.tbx, .csv, .tsv), or a folder of them; repeatable. Default: every one in ./glossaries.", valueName: "path"))
    var glossaries: [String] = []
}

/// `--format text|json` for reports: text for people, JSON with stable field
/// names for programs.
struct FormatOption: ParsableArguments {
    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    /// Prints a report on standard output: its `text`, or its JSON.
    ///
    /// - Throws: `EncodingError` when the report cannot be encoded.
    func print(_ report: some Encodable, text: String) throws {
        switch format {
        case .text: Swift.print(text, terminator: "")
        case .json: Swift.print(try JSONReport.encode(report))
        }
    }
}

/// `--output FILE`, `-` for standard output (the default).
struct OutputOption: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp("The file to write; - for standard output.", valueName: "file"))
    var output: String = "-"
}
