import DilmancText

/// Azerbaijani inflection, for finding terms in their inflected forms:
/// Ermənistan, Ermənistanın, Ermənistana, Ermənistandakılar; İcması,
/// İcmasının; BMT-nin, ABŞ-a.
///
/// Rather than stem words (which over-strips names), it answers one question:
/// is what follows a stem a valid chain of inflectional suffixes? A chain is
/// plural, possessive, case, the relative `-kı/-ki`, and the copula, in that
/// order, each optional, each shaped by vowel harmony (two-way a/ə, four-way
/// ı/i/u/ü, set by the last vowel before it) and by buffer consonants after a
/// vowel (`-nın`, `-ya`, `-sı`; `-nın` and `-na` after a possessive).
/// Derivational suffixes (`-lı`, `-sız`, `-çı`) make other words and are not
/// accepted. Keys are compared folded (see `MatchKey`), so input is lowercase
/// with Turkic i/ı.
public enum AzerbaijaniSuffixes {
    /// The stems `word` may be an inflected form of, the word itself first:
    /// every prefix of at least two letters followed by a valid chain, with a
    /// final k/q restored where a vowel softened it to y/ğ (ürəyi → ürək), and
    /// the part before an apostrophe when a chain follows it (ABŞ'ın).
    public static func stems(of word: String) -> [String] {
        let letters = Array(word)
        var found = [word]
        if let apostrophe = letters.firstIndex(of: "'"), apostrophe >= 1 {
            if isChain(letters[(apostrophe + 1)...], after: letters[..<apostrophe], lenient: true) {
                found.append(String(letters[..<apostrophe]))
            }
            return found
        }
        guard letters.count > 2 else { return found }
        for split in stride(from: letters.count - 1, through: 2, by: -1) {
            let stem = letters[..<split]
            let suffix = letters[split...]
            guard isChain(suffix, after: stem, lenient: false) else { continue }
            found.append(String(stem))
            if let last = stem.last, let first = suffix.first, isVowel(first) {
                if last == "y" { found.append(String(stem.dropLast()) + "k") }
                if last == "ğ" { found.append(String(stem.dropLast()) + "q") }
            }
        }
        return found
    }

    /// Whether `suffix` is a chain of suffixes that can follow `stem`.
    /// `lenient` accepts any harmony and either buffer: for suffixes written
    /// after a hyphen or apostrophe on abbreviations, whose harmony follows
    /// how the letters are read (BMT-nin, ABŞ-ın, ABŞ-a).
    public static func isChain(_ suffix: some Collection<Character>, after stem: some BidirectionalCollection<Character>, lenient: Bool) -> Bool {
        let rest = Array(suffix)
        guard !rest.isEmpty else { return false }
        if lenient {
            for back in [true, false] {
                for round in [true, false] {
                    for endsInVowel in [true, false] where parse(rest, 0, State(back: back, round: round, endsInVowel: endsInVowel)) {
                        return true
                    }
                }
            }
            return false
        }
        let vowel = stem.last(where: isVowel)
        let state = State(back: vowel.map(isBack) ?? false, round: vowel.map(isRound) ?? false, endsInVowel: stem.last.map(isVowel) ?? false)
        return parse(rest, 0, state)
    }

    /// Where a chain has got to.
    struct State {
        var back: Bool
        var round: Bool
        var endsInVowel: Bool
        /// 0: plural may come; 1: possessive; 2: case; 3: relative or copula;
        /// 4: plural after the copula; 5: nothing more.
        var slot = 0
        /// After a third-person possessive (or `-kı`): cases take a buffer n.
        var possessive = false
        var lastCase: Case?
    }

    enum Case { case genitive, dative, accusative, locative, ablative, instrumental }

    private static func parse(_ rest: [Character], _ position: Int, _ state: State) -> Bool {
        if position == rest.count { return true }
        for (surface, next) in morphemes(after: state) {
            let end = position + surface.count
            guard end <= rest.count, rest[position..<end].elementsEqual(surface) else { continue }
            if parse(rest, end, next) { return true }
        }
        return false
    }

    /// The suffixes that may come next, with the state after each.
    private static func morphemes(after state: State) -> [([Character], State)] {
        let a: Character = state.back ? "a" : "ə"
        let i: Character = state.back ? (state.round ? "u" : "ı") : (state.round ? "ü" : "i")
        var result: [([Character], State)] = []
        func add(_ surface: [Character], slot: Int, possessive: Bool = false, lastCase: Case? = nil) {
            var next = state
            next.slot = slot
            next.possessive = possessive
            next.lastCase = lastCase
            if let vowel = surface.last(where: isVowel) {
                next.back = isBack(vowel)
                next.round = isRound(vowel)
            }
            next.endsInVowel = surface.last.map(isVowel) ?? state.endsInVowel
            result.append((surface, next))
        }
        let vowelEnd = state.endsInVowel
        if state.slot <= 0 { add(["l", a, "r"], slot: 1) }
        if state.slot <= 1 {
            add(vowelEnd ? ["s", i] : [i], slot: 2, possessive: true)            // -sı / -ı: his, its
            add(vowelEnd ? ["m"] : [i, "m"], slot: 2)                             // -m / -ım: my
            add(vowelEnd ? ["m", i, "z"] : [i, "m", i, "z"], slot: 2)             // -mız / -ımız: our
            add(vowelEnd ? ["n", i, "z"] : [i, "n", i, "z"], slot: 2)             // -nız / -ınız: your
        }
        if state.slot <= 2 {
            if state.possessive || vowelEnd {
                // After a vowel a word may end in a possessive (İcması, regionu)
                // or not (Bakı): both buffers are accepted.
                add(["n", i, "n"], slot: 3, lastCase: .genitive)
                add(["n", a], slot: 3, lastCase: .dative)
                add(["n", i], slot: 3, lastCase: .accusative)
                add(["n", "d", a], slot: 3, lastCase: .locative)
                add(["n", "d", a, "n"], slot: 3, lastCase: .ablative)
            }
            if vowelEnd {
                add(["y", a], slot: 3, lastCase: .dative)
                add(["d", a], slot: 3, lastCase: .locative)
                add(["d", a, "n"], slot: 3, lastCase: .ablative)
                add(["y", "l", a], slot: 3, lastCase: .instrumental)
            } else {
                add([i, "n"], slot: 3, lastCase: .genitive)
                add([a], slot: 3, lastCase: .dative)
                add([i], slot: 3, lastCase: .accusative)
                add(["d", a], slot: 3, lastCase: .locative)
                add(["d", a, "n"], slot: 3, lastCase: .ablative)
                add(["l", a], slot: 3, lastCase: .instrumental)
            }
        }
        if state.slot == 3, state.lastCase == .locative || state.lastCase == .genitive {
            // -kı/-ki, "the one in/of": Ermənistandakı, then plural and case again.
            var next = state
            next.slot = 0
            next.possessive = true
            next.endsInVowel = true
            next.lastCase = nil
            next.round = false
            result.append((["k", state.back ? "ı" : "i"], next))
        }
        if state.slot <= 3 { add(["d", i, "r"], slot: 4) }                        // -dır: is
        if state.slot == 4 { add(["l", a, "r"], slot: 5) }                        // -dırlar: are
        return result
    }

    static func isVowel(_ c: Character) -> Bool { AzerbaijaniVowelHarmony.isVowel(c) }
    static func isBack(_ c: Character) -> Bool { "aıou".contains(c) }
    static func isRound(_ c: Character) -> Bool { "ouöü".contains(c) }
}
