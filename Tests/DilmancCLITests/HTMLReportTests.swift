import Foundation
import Testing

/// The HTML report in a real browser: Debian's headless chromium renders it,
/// and runs its filters.
@Suite struct HTMLReportTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    static func browser(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium, "Debian's chromium is missing: .ci/install installs it"))
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    static func report() throws -> URL {
        let folder = try DilmancProcess.temporaryDirectory()
        let tmx = folder.appendingPathComponent("release.tmx")
        try CheckCommandTests.tmx([
            ("Armenia <b>must</b> act.", "Ermenistan hərəkət etməlidir.", "Армения должна действовать."),
            ("More than 300,000 people", "300 mindən çox insan", "более 200 тыс. человек"),
            ("Anthony Blinken spoke.", "Entoni Blinken çıxış etdi.", "Энтони Блинкен выступил."),
        ].map { ($0.0.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;"), $0.1, $0.2) })
            .write(to: tmx, atomically: true, encoding: .utf8)
        let html = folder.appendingPathComponent("report.html")
        let output = try DilmancProcess.run(["check", tmx.path, "--format", "html", "--output", html.path] + CheckCommandTests.glossaries)
        #expect(output.status == 1)
        return html
    }

    @Test func selfContained() throws {
        let text = try String(contentsOf: try Self.report(), encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>"))
        #expect(!text.contains("src=\"http") && !text.contains("href=\"http"))
        #expect(text.contains("<td>Ermənistan</td><td class=\"found\">Ermenistan</td>"))
    }

    @Test func rendersInAHeadlessBrowser() throws {
        let html = try Self.report()
        let shot = html.deletingLastPathComponent().appendingPathComponent("report.png")
        _ = try Self.browser(["--screenshot=\(shot.path)", "--window-size=1280,800", html.absoluteString])
        let png = try Data(contentsOf: shot)
        // A PNG of the window's size, with more in it than a blank page.
        #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 1280 && height == 800)
        #expect(png.count > 15_000)
    }

    @Test func filtersRunInTheBrowser() throws {
        let html = try Self.report()
        func shown(_ query: String) throws -> (shown: String?, hidden: Int) {
            let dom = try Self.browser(["--dump-dom", html.absoluteString + query])
            let shown = dom.range(of: #"<span id="shown">(\d+)</span>"#, options: .regularExpression).map { String(dom[$0]).filter(\.isNumber) }
            return (shown, dom.components(separatedBy: " hidden\"").count - 1)
        }
        #expect(try shown("") == ("3", 0))
        #expect(try shown("?rule=number-mismatch") == ("1", 2))
        #expect(try shown("?severity=warning") == ("1", 2))
        #expect(try shown("?search=ermenistan") == ("1", 2))
    }
}
