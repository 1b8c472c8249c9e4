/// Text from input (a language code from a file, an option) made safe to put
/// inside a file name: only ASCII letters, digits, `-` and `_` pass, anything
/// else (a `/`, a `.`, a NUL) becomes `_`. A path built from it never leaves
/// its folder, whatever the input said. Readers refuse malformed codes first;
/// this is the guard that holds when one was missed.
///
/// ```swift
/// FileNameComponent.safe("en-US")            // "en-US"
/// FileNameComponent.safe("x/../../escaped")  // "x_______escaped"
/// ```
public enum FileNameComponent {
    public static func safe(_ text: String) -> String {
        let allowed = text.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_") ? Character(scalar) : "_"
        }
        return allowed.isEmpty ? "_" : String(allowed)
    }
}
