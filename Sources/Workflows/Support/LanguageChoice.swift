import DilmancModels
import Segmenting

/// The language of a document when `--lang` is not given, for every command
/// that has one language (`segment`, `terms`): the file name's suffix
/// (`letter.ru.txt`), else the letters (Cyrillic is Russian, ə is
/// Azerbaijani), with the note a front end prints on stderr to say so.
public enum LanguageChoice {
    /// The guessed tag and `language ru (from the file name; set --lang to override)`.
    public static func guess(text: String, fileName: String?) -> (LanguageTag, note: String) {
        chosen(LanguageGuesser.guess(fileName: fileName, text: text))
    }

    /// The same for a guess made on the document's UTF-16 (`segment`).
    public static func chosen(_ guess: LanguageGuesser.Guess) -> (LanguageTag, note: String) {
        let tag = (try? LanguageTag(validating: guess.language)) ?? .english
        return (tag, "language \(tag) (from \(guess.reason); set --lang to override)")
    }
}
