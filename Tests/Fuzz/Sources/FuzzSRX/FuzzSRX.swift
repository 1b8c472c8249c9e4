import Foundation
import Segmenting

/// A short text with the abbreviations, initials and list items the shipped
/// rules are about, for the rules a fuzzed file brings to cut.
private let sample = "Dr. Aliyeva met İ. Əliyev in the U.S. on 1 May.Today is Tuesday. т. е. ул. Низами, д. 5.\n1. Yes!"

/// SRX rule files: read, each language's rules resolved through the
/// language maps (regular expressions over the code), and those for English
/// compiled and run on a short text, since a rule file is read to be used.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let document = try? SRXReader.read(data: Data(bytes: data, count: size), origin: "fuzz.srx") else { return 0 }
    for language in ["en", "az", "ru", "de-CH"] {
        _ = try? document.rules(for: language)
        _ = document.hasSpecificRules(for: language)
    }
    if let segmenter = try? SentenceSegmenter(language: "en", rules: [document], maximumThreads: 1) {
        _ = try? segmenter.segment(sample)
    }
    return 0
}
