import Foundation

/// Debian's `iso-codes` package: ISO 3166-1 countries and ISO 3166-2
/// subdivisions as JSON (`/usr/share/iso-codes/json`), and their names'
/// translations as gettext catalogs (`/usr/share/locale/<lang>/LC_MESSAGES/
/// iso_3166-1.mo`, `iso_3166-2.mo`).
public struct ISOCodes: Sendable {
    public struct Country: Sendable, Decodable {
        public var alpha_2: String
        public var name: String
        public var official_name: String?
        public var common_name: String?
    }

    public struct Subdivision: Sendable, Decodable {
        public var code: String
        public var name: String
        public var type: String
    }

    public var countries: [Country]
    public var subdivisions: [Subdivision]
    /// Translations of country and subdivision names, by language code.
    public var countryNames: [String: GettextCatalog]
    public var subdivisionNames: [String: GettextCatalog]

    public static let defaultJSONFolder = "/usr/share/iso-codes/json"
    public static let defaultLocaleFolder = "/usr/share/locale"

    /// Reads the JSON files and the catalogs of `languages` that exist.
    public static func read(jsonFolder: String = defaultJSONFolder, localeFolder: String = defaultLocaleFolder, languages: [String]) throws -> ISOCodes {
        struct Countries: Decodable { var entries: [Country]; enum CodingKeys: String, CodingKey { case entries = "3166-1" } }
        struct Subdivisions: Decodable { var entries: [Subdivision]; enum CodingKeys: String, CodingKey { case entries = "3166-2" } }
        func decode<T: Decodable>(_ type: T.Type, _ file: String) throws -> T {
            let path = jsonFolder + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FileFormatError(file: path, line: 0, message: "cannot read the file (is Debian's iso-codes package installed?)")
            }
            do {
                return try JSONDecoder().decode(T.self, from: data)
            } catch {
                throw FileFormatError(file: path, line: 0, message: "not the ISO codes JSON expected: \(error)")
            }
        }
        var countryNames: [String: GettextCatalog] = [:]
        var subdivisionNames: [String: GettextCatalog] = [:]
        for language in languages {
            let folder = "\(localeFolder)/\(language)/LC_MESSAGES"
            if FileManager.default.fileExists(atPath: folder + "/iso_3166-1.mo") {
                countryNames[language] = try GettextCatalog.read(contentsOf: URL(fileURLWithPath: folder + "/iso_3166-1.mo"))
            }
            if FileManager.default.fileExists(atPath: folder + "/iso_3166-2.mo") {
                subdivisionNames[language] = try GettextCatalog.read(contentsOf: URL(fileURLWithPath: folder + "/iso_3166-2.mo"))
            }
        }
        return ISOCodes(
            countries: try decode(Countries.self, "iso_3166-1.json").entries,
            subdivisions: try decode(Subdivisions.self, "iso_3166-2.json").entries,
            countryNames: countryNames, subdivisionNames: subdivisionNames)
    }
}
