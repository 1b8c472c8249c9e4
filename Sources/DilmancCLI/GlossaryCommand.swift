import ArgumentParser
import Workflows

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert term bases and rebuild the shipped place names.",
        subcommands: [GlossaryConvertCommand.self, GlossaryBuildPlacesCommand.self]
    )
}
