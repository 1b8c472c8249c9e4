import ArgumentParser
import DilmancModels
import Foundation
import Workflows
import Formats
import Terminology

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary",
        abstract: "Convert term bases and rebuild the shipped place names.",
        subcommands: [GlossaryConvert.self, GlossaryBuildPlaces.self]
    )
}

struct GlossaryConvert: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between TBX (Basic or v3) and CSV/TSV.",
        discussion: """
        Reads TBX-Basic, TBX v3, CSV or TSV and writes TBX v3 or CSV/TSV, by the \
        output's extension. CSV keeps terms, statuses and entry notes; part of \
        speech and term notes need TBX.

        EXAMPLES
          dilmanc glossary convert glossaries/reference.csv reference.tbx
          dilmanc glossary convert client.tbx client.csv
        """
    )

    @Argument(help: "The term base to read.")
    var input: String

    @Argument(help: "The file to write (.tbx, .csv or .tsv).")
    var output: String

    func run() throws {
        let termBase = try GlossaryFile.read(input)
        try GlossaryFile.write(termBase, to: output)
        print("wrote \(termBase.entries.count) entries to \(output)")
    }
}

struct GlossaryBuildPlaces: ParsableCommand {
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
          dilmanc glossary build-places --reference glossaries/reference.csv --output glossaries/places.tbx
        """
    )

    @Option(help: "The hand-made term base whose places are left out.")
    var reference: String = "glossaries/reference.csv"

    @Option(help: "The term base to write.")
    var output: String = "glossaries/places.tbx"

    @Option(help: "Where iso-codes keeps its JSON files.")
    var isoCodes: String = ISOCodes.defaultJSONFolder

    @Option(help: "Where the gettext catalogs are.")
    var locales: String = ISOCodes.defaultLocaleFolder

    func run() throws {
        let iso = try ISOCodes.read(jsonFolder: isoCodes, localeFolder: locales, languages: ["az", "ru"])
        var places: [PlaceGlossary.Place] = []
        for country in iso.countries {
            let english = [country.common_name ?? country.name, country.name, country.official_name].compactMap { $0 }
            var names: [String: [String]] = ["en": english]
            for language in ["az", "ru"] {
                let translated = english.compactMap { iso.countryNames[language]?[$0] }
                if !translated.isEmpty { names[language] = translated }
            }
            places.append(.init(id: "iso-3166-1-\(country.alpha_2)", kind: "country", names: names))
        }
        for subdivision in iso.subdivisions where subdivision.code.hasPrefix("AZ-") || subdivision.code.hasPrefix("AM-") {
            var names: [String: [String]] = ["en": [subdivision.name]]
            // Azerbaijan's subdivisions are named in Azerbaijani by ISO.
            if subdivision.code.hasPrefix("AZ-") { names["az"] = [subdivision.name] }
            for language in ["az", "ru"] {
                if let translated = iso.subdivisionNames[language]?[subdivision.name] { names[language] = [translated] }
            }
            places.append(.init(id: "iso-3166-2-\(subdivision.code)", kind: subdivision.type.lowercased(), names: names))
        }
        let referenceBase = FileManager.default.fileExists(atPath: reference) ? try GlossaryFile.read(reference) : TermBase()
        let built = try PlaceGlossary.build(places, excluding: referenceBase)
        try AtomicFile.write(TBXWriter.document(built, sourceDescription: "Country names (ISO 3166-1) and the subdivisions of Azerbaijan and Armenia (ISO 3166-2) in en, az and ru, from Debian's iso-codes package (JSON files and the az and ru gettext catalogs), written by 'dilmanc glossary build-places'. Places named in \(URL(fileURLWithPath: reference).lastPathComponent) are left out."), to: URL(fileURLWithPath: output))
        print("wrote \(built.entries.count) places to \(output)")
    }
}
