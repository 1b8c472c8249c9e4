import DilmancModels

/// What a TMX file's `header` says about its content: its attributes, and its
/// `note` and `prop` elements (`metadata`), which a memory keeps per origin.
public struct TMXHeader: Sendable, Equatable {
    public var creationTool: String
    public var creationToolVersion: String
    public var segmentType: String
    /// The original translation memory format (TMX's `o-tmf`).
    public var originalFormat: String
    public var adminLanguage: String
    /// A language code, or `*all*` when any variant may serve as the source.
    public var sourceLanguage: String
    public var dataType: String
    /// The header's notes and properties.
    public var metadata: HeaderMetadata

    public init(
        creationTool: String = "Dilmanc", creationToolVersion: String = "0.1.0", segmentType: String = "sentence",
        originalFormat: String = "dilmanc", adminLanguage: String = "en", sourceLanguage: String = "*all*", dataType: String = "plaintext",
        metadata: HeaderMetadata = HeaderMetadata()
    ) {
        self.creationTool = creationTool
        self.creationToolVersion = creationToolVersion
        self.segmentType = segmentType
        self.originalFormat = originalFormat
        self.adminLanguage = adminLanguage
        self.sourceLanguage = sourceLanguage
        self.dataType = dataType
        self.metadata = metadata
    }
}

/// A TMX file that cannot be read, with the place to look.
public struct TMXError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
