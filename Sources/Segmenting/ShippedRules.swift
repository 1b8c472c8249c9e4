import Foundation

/// The SRX rules that ship with Dilmanc: one file per language (en, az, ru) and
/// shared rules for all. A language's own file is tried before the shared one, so
/// its exceptions win.
public enum ShippedRules {
    public static let fileNames = ["en.srx", "az.srx", "ru.srx", "shared.srx"]

    /// Parsed once per process.
    private static let cached: Result<[SRXDocument], SRXError> = Result {
        try fileNames.map { name in
            guard let url = url(of: name) else {
                throw SRXError(origin: name, line: 0, message: "the shipped rule file is missing from the installation")
            }
            return try SRXReader.read(contentsOf: url)
        }
    }.mapError { $0 as? SRXError ?? SRXError(origin: "shipped rules", line: 0, message: "\($0)") }

    /// The shipped rule files, in the order their rules are tried.
    public static func documents() throws -> [SRXDocument] {
        try cached.get()
    }

    /// The file a shipped rule set was read from, for users who want to copy one.
    public static func url(of name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Rules")
    }
}
