import ArgumentParser
import Workflows

struct GlossaryBuildPlacesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-places",
        abstract: "Rebuild the place-name term base from Debian's iso-codes.",
        discussion: """
        Writes country names (ISO 3166-1) and the subdivisions of Azerbaijan and \
        Armenia (ISO 3166-2) in English, Azerbaijani and Russian, from the JSON \
        files and the az and ru gettext catalogs of Debian's iso-codes package. \
        For a country the short name is preferred; its common and official names \
        are admitted. Places the reference term base already names are left out, \
        so the organisation's spelling wins.

        EXAMPLE
          dilmanc glossary build-places --output places.tbx

        """ + ExitStatus.standard
    )

    @Option(help: "The hand-made term base whose places are left out.")
    var reference: String = "glossaries/reference.csv"

    @Option(help: "The term base to write.")
    var output: String = "glossaries/places.tbx"

    @Option(help: "Where iso-codes keeps its JSON files.")
    var isoCodes: String = PlacesBuild.defaultISOCodes

    @Option(help: "Where the gettext catalogs are.")
    var locales: String = PlacesBuild.defaultLocales

    func run() throws {
        let entries = try PlacesBuild.run(reference: reference, output: output, isoCodes: isoCodes, locales: locales)
        Terminal.status("wrote \(entries) places to \(output)\n")
    }
}
