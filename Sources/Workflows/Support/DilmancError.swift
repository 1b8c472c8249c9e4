import DilmancFiles
import DilmancModels
import DilmancText
import Foundation
import Formats
import MemoryStore
import Segmenting

/// The one error every workflow throws: what kind of failure it was, which
/// maps to an exit status (or an HTTP status), and one line for a person:
/// `FILE:LINE:COL: cause`.
///
/// Engines, formats and stores throw their own precise errors (`TMXError`,
/// `FileFormatError`, `MemoryStoreError`, `SRXError`, `ICUError`);
/// `DilmancError(_:)` maps any of them to a kind, so front ends need to know
/// only this type. Tests match `kind`, not message strings.
///
/// ```swift
/// throw DilmancError.at("letter.tmx", line: 12, "a <tu> inside a <tu>")
/// ```
public struct DilmancError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// Bad usage: an option or a combination of options the command does
        /// not take. Exit status 2.
        case usage
        /// Bad input: a missing, malformed or unreadable file, an unknown
        /// language. Exit status 2.
        case input
        /// The system or a library failed (ICU, the disk). Exit status 3.
        case `internal`

        /// The process exit status that reports this kind.
        public var exitStatus: Int32 {
            switch self {
            case .usage, .input: 2
            case .internal: 3
            }
        }
    }

    public var kind: Kind
    public var message: String

    /// An input error.
    public init(_ message: String) {
        self.init(.input, message)
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// The error of a lower layer as a `DilmancError`: it keeps its message
    /// (which names the file and line) and gets its kind. Nil for errors that
    /// are no layer's of Dilmanc (an argument parser's, say).
    public static func mapping(_ error: any Error) -> DilmancError? {
        switch error {
        case let error as DilmancError: error
        case let error as TMXError: DilmancError(.input, error.description)
        case let error as FileFormatError: DilmancError(.input, error.description)
        case let error as MemoryStoreError: DilmancError(.input, error.description)
        case let error as SRXError: DilmancError(.input, error.description)
        case let error as LanguageTagError: DilmancError(.input, error.description)
        case let error as AtomicFileError: DilmancError(.input, error.description)
        case let error as ICUError: DilmancError(.internal, error.description)
        default: nil
        }
    }

    /// `FILE:LINE:COLUMN: cause`, the form editors and CI logs link to.
    public static func at(_ file: String, line: Int? = nil, column: Int? = nil, _ cause: String) -> DilmancError {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return DilmancError(.input, "\(place): \(cause)")
    }

    public var description: String { message }
}
