import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Segmenting

/// Resolves `--lang`, or guesses it, and says on stderr what it guessed.
enum LanguageChoice {
    static func resolve(_ requested: String?, input: InputDocument, rules: [SRXDocument]) throws -> String {
        if let requested {
            guard LanguageCode.isWellFormed(requested) else {
                throw DilmancError("--lang '\(requested)' is not a language code; use en, az or ru")
            }
            let known = LanguageCode.supported.contains(LanguageCode.primary(requested)) || rules.contains { $0.hasSpecificRules(for: requested) }
            guard known else {
                throw DilmancError("unknown language '\(requested)': Dilmanc has rules for en, az and ru (add --rules FILE.srx with rules for '\(requested)')")
            }
            return requested
        }
        let guess = LanguageGuesser.guess(fileName: input.path, text: input.text)
        Terminal.note("\(input.name): language \(guess.language) (from \(guess.reason); set --lang to override)")
        return guess.language
    }
}
