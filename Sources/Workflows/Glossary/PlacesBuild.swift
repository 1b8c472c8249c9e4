import DilmancFiles
import DilmancModels
import Foundation
import Formats
import Terminology

/// `glossary build-places`: the place-name term base rebuilt from Debian's
/// iso-codes, the organisation's own spellings (the reference term base) left
/// out so they win.
public enum PlacesBuild {
    /// Where Debian's iso-codes keeps its JSON files and its gettext catalogs.
    public static let defaultISOCodes = ISOCodes.defaultJSONFolder
    public static let defaultLocales = ISOCodes.defaultLocaleFolder

    /// Country names (ISO 3166-1) and the subdivisions of Azerbaijan and
    /// Armenia (ISO 3166-2) in en, az and ru. Returns the entries written.
    ///
    /// - Throws: `DilmancError` when iso-codes is missing or the output cannot
    ///   be written.
    public static func run(reference: String, output: String, isoCodes: String, locales: String) throws -> Int {
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
        places = places.map(corrected)
        let referenceBase = FileManager.default.fileExists(atPath: reference) ? try GlossaryFile.read(reference) : TermBase()
        let built = try PlaceGlossary.build(places, excluding: referenceBase)
        let description = "Country names (ISO 3166-1) and the subdivisions of Azerbaijan and Armenia (ISO 3166-2) in en, az and ru, from Debian's iso-codes package (JSON files and the az and ru gettext catalogs), written by 'dilmanc glossary build-places'. Places named in \(URL(fileURLWithPath: reference).lastPathComponent) are left out."
        try Output.write(TBXWriter.document(built, sourceDescription: description), to: output)
        return built.entries.count
    }

    /// iso-codes' own errors, so that the release gate never flags an
    /// approved name: its ISO 3166-2 list writes Kəngərli with ǝ (U+01DD, a
    /// look-alike of the Azerbaijani ə U+0259), and its Russian catalog
    /// misspells two districts.
    static func corrected(_ place: PlaceGlossary.Place) -> PlaceGlossary.Place {
        var place = place
        place.names = place.names.mapValues { names in
            names.map { name in
                let folded = name.replacingOccurrences(of: "\u{01DD}", with: "\u{0259}").replacingOccurrences(of: "\u{018E}", with: "\u{018F}")
                return russianMisspellings[folded] ?? folded
            }
        }
        return place
    }

    static let russianMisspellings = [
        "Агдашаский район": "Агдашский район",
        "Ходжаведский район": "Ходжавендский район",
    ]
}
