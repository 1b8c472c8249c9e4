import ArgumentParser
import Workflows

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert term bases and rebuild the shipped place names.",
        discussion: """
        Term bases are TBX-Basic, TBX v3, or CSV/TSV with a column per language; \
        see 'dilmanc glossary convert --help'.

        """ + ExitStatus.standard,
        subcommands: [GlossaryConvertCommand.self, GlossaryBuildPlacesCommand.self]
    )
}
