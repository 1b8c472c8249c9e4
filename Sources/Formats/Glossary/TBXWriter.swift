import DilmancModels
import Foundation

/// Writes term bases as TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style:
/// `conceptEntry/langSec/termSec/term` with `administrativeStatus`,
/// `partOfSpeech` and notes, and Dilmanc's match mode and case sensitivity as
/// `x-dilmanc-` term notes. The file appears only when complete.
public enum TBXWriter {
    public static func document(_ termBase: TermBase, sourceDescription: String = "Written by Dilmanc") -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
              <tbxHeader>
                <fileDesc>
                  <sourceDesc>
                    <p>\(XMLEscaping.text(sourceDescription))</p>
                  </sourceDesc>
                </fileDesc>
              </tbxHeader>
              <text>
                <body>

            """
        for entry in termBase.entries {
            out += "      <conceptEntry id=\"\(XMLEscaping.attribute(entry.id))\">\n"
            if let subject = entry.subject { out += "        <descrip type=\"subjectField\">\(XMLEscaping.text(subject))</descrip>\n" }
            if let note = entry.note { out += "        <note>\(XMLEscaping.text(note))</note>\n" }
            var languages: [String] = []
            for term in entry.terms where !languages.contains(term.language) { languages.append(term.language) }
            for language in languages {
                out += "        <langSec xml:lang=\"\(XMLEscaping.attribute(language))\">\n"
                for term in entry.terms where term.language == language {
                    out += "          <termSec>\n"
                    out += "            <term>\(XMLEscaping.text(term.text))</term>\n"
                    out += "            <termNote type=\"administrativeStatus\">\(term.status.tbxValue)</termNote>\n"
                    if let pos = term.partOfSpeech { out += "            <termNote type=\"partOfSpeech\">\(XMLEscaping.text(pos))</termNote>\n" }
                    if term.matchMode != Term(language: "", text: term.text).matchMode {
                        out += "            <termNote type=\"x-dilmanc-matchMode\">\(term.matchMode.rawValue)</termNote>\n"
                    }
                    if term.caseSensitive { out += "            <termNote type=\"x-dilmanc-caseSensitive\">yes</termNote>\n" }
                    if let note = term.note { out += "            <note>\(XMLEscaping.text(note))</note>\n" }
                    out += "          </termSec>\n"
                }
                out += "        </langSec>\n"
            }
            out += "      </conceptEntry>\n"
        }
        out += "    </body>\n  </text>\n</tbx>\n"
        return out
    }
}
