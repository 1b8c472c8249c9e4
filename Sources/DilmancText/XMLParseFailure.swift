import CDilmancXML
import Foundation

/// Readable causes for XMLParser's errors, which Foundation on Linux reports
/// only as "The operation could not be completed. (NSXMLParserErrorDomain
/// error 76.)". libxml2, which does the parsing, keeps its own message; the SRX
/// and TMX readers both name the cause with it.
public enum XMLParseFailure {
    /// libxml2's message for the parse that just failed on this thread, such as
    /// "Opening and ending tag mismatch: seg line 1 and tuv"; else the error's
    /// code.
    public static func reason(_ error: any Error) -> String {
        if let message = dm_xml_last_error_message() {
            return String(cString: message)
        }
        return "XML error \((error as NSError).code)"
    }
}
