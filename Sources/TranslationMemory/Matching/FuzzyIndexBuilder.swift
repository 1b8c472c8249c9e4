extension FuzzyIndex {
    /// Collects entries and lays them out as a `FuzzyIndex`: word ids and a
    /// vocabulary, postings by counting, each table of `IndexTable` filled
    /// and the image sealed with its checksum, so that a stored copy can be
    /// checked when it is read back.
    ///
    /// Traps when the entries exceed the format's limits (`IndexDimension`):
    /// 2 billion entries or 4 billion words.
    public struct Builder {
        private var vocabulary: [String: UInt32] = [:]
        private var vocabularyKeys: [String] = []
        private var entryKeys: [Int64] = []
        /// Word ids in the order words were first seen, until `build`.
        private var words: [UInt32] = []
        private var offsets: [UInt32] = [0]
        private var wordless: [Int32] = []

        public init() {}

        public var entryCount: Int { entryKeys.count }

        /// Adds the next entry (numbered 0, 1, 2… in order), given its word keys
        /// in order and the caller's key for it.
        public mutating func add(wordKeys: [String], key: Int64) {
            let entry = Int32(entryKeys.count)
            entryKeys.append(key)
            var ids: [UInt32] = []
            ids.reserveCapacity(wordKeys.count)
            for word in wordKeys {
                if let id = vocabulary[word] {
                    ids.append(id)
                } else {
                    let id = UInt32(vocabularyKeys.count)
                    vocabulary[word] = id
                    vocabularyKeys.append(word)
                    ids.append(id)
                }
            }
            words += ids
            precondition(words.count <= IndexDimension.words.limit && entryKeys.count <= IndexDimension.entries.limit,
                         "a fuzzy index holds at most 2 billion entries and 4 billion words")
            offsets.append(UInt32(words.count))
            if ids.isEmpty { wordless.append(entry) }
        }

        /// The index, in one freshly allocated image.
        public func build(label: String) -> FuzzyIndex {
            // Words are renumbered in the byte order of their keys, so that the
            // vocabulary is its own search order, and two indexes' ids map
            // onto a merged vocabulary in order (`Merger`).
            let utf8Keys = vocabularyKeys.map { Array($0.utf8) }
            let byteOrder = utf8Keys.indices.sorted { utf8Keys[$0].lexicographicallyPrecedes(utf8Keys[$1]) }
            var renumbered = [UInt32](repeating: 0, count: byteOrder.count)
            for (id, old) in byteOrder.enumerated() { renumbered[old] = UInt32(id) }
            var vocabularyBytes: [UInt8] = []
            var vocabularyOffsets: [UInt32] = [0]
            vocabularyOffsets.reserveCapacity(byteOrder.count + 1)
            for old in byteOrder {
                vocabularyBytes += utf8Keys[old]
                vocabularyOffsets.append(UInt32(vocabularyBytes.count))
            }
            let vocabularyOrder = (0..<UInt32(byteOrder.count)).map { $0 }
            let bits = byteOrder.map { FuzzyIndex.signatureBit(key: utf8Keys[$0]) }
            let words = self.words.map { renumbered[Int($0)] }
            var sortedWords = words
            for entry in 0..<entryKeys.count {
                sortedWords[Int(offsets[entry])..<Int(offsets[entry + 1])].sort()
            }

            // Postings by counting: give each distinct element a dense number,
            // count its entries, then fill the runs in entry order (so each run
            // is ascending) at the positions of the elements in sorted order.
            var dense: [UInt64: UInt32] = [:]
            var elementKeys: [UInt64] = []
            var counts: [UInt32] = []
            var elementOfWord = [UInt32](repeating: 0, count: sortedWords.count)
            for entry in 0..<entryKeys.count {
                let start = Int(offsets[entry])
                for (position, element) in FuzzyIndex.elements(sortedWords[start..<Int(offsets[entry + 1])]).enumerated() {
                    let number: UInt32
                    if let known = dense[element] {
                        number = known
                        counts[Int(number)] += 1
                    } else {
                        number = UInt32(elementKeys.count)
                        dense[element] = number
                        elementKeys.append(element)
                        counts.append(1)
                    }
                    elementOfWord[start + position] = number
                }
            }
            let order = elementKeys.indices.sorted { elementKeys[$0] < elementKeys[$1] }
            var rank = [Int](repeating: 0, count: order.count)
            for (position, number) in order.enumerated() { rank[number] = position }
            var postingStarts = [UInt32](repeating: 0, count: order.count + 1)
            for (position, number) in order.enumerated() { postingStarts[position + 1] = postingStarts[position] + counts[number] }
            // Filling the runs entry by entry, shortest entries first (and by
            // number within a length), leaves each run in the order the length
            // bound searches.
            let lengths = (0..<entryKeys.count).map { UInt16(min(Int(offsets[$0 + 1] - offsets[$0]), Int(UInt16.max))) }
            let signatures = (0..<entryKeys.count).map { entry in
                words[Int(offsets[entry])..<Int(offsets[entry + 1])].reduce(UInt64(0)) { $0 | bits[Int($1)] }
            }
            var byLength = [[Int32]](repeating: [], count: Int(lengths.max() ?? 0) + 1)
            for (entry, length) in lengths.enumerated() { byLength[Int(length)].append(Int32(entry)) }
            var cursor = Array(postingStarts.dropLast())
            var postingEntries = [Int32](repeating: 0, count: sortedWords.count)
            for entry in byLength.joined() {
                for position in Int(offsets[Int(entry)])..<Int(offsets[Int(entry) + 1]) {
                    let slot = rank[Int(elementOfWord[position])]
                    postingEntries[Int(cursor[slot])] = entry
                    cursor[slot] += 1
                }
            }
            let postingKeys = order.map { elementKeys[$0] }

            let labelBytes = Array(label.utf8)
            let layout = IndexLayout(dimensions: IndexDimensions { dimension in
                switch dimension {
                case .labelBytes: labelBytes.count
                case .entries: entryKeys.count
                case .words: words.count
                case .wordless: wordless.count
                case .vocabulary: vocabularyKeys.count
                case .vocabularyBytes: vocabularyBytes.count
                case .postingKeys: postingKeys.count
                }
            })
            precondition(IndexDimension.allCases.allSatisfy { layout.dimensions[$0] <= $0.limit }, "the index is too large for its format")
            let buffer = layout.allocateImage()
            // Exhaustive, so that a table added to `IndexTable` is written here.
            for table in IndexTable.allCases {
                switch table {
                case .label: layout.fill(table, with: labelBytes, in: buffer)
                case .entryKeys: layout.fill(table, with: entryKeys, in: buffer)
                case .offsets: layout.fill(table, with: offsets, in: buffer)
                case .words: layout.fill(table, with: words, in: buffer)
                case .sortedWords: layout.fill(table, with: sortedWords, in: buffer)
                case .wordless: layout.fill(table, with: wordless, in: buffer)
                case .vocabularyOffsets: layout.fill(table, with: vocabularyOffsets, in: buffer)
                case .vocabularyOrder: layout.fill(table, with: vocabularyOrder, in: buffer)
                case .vocabularyBytes: layout.fill(table, with: vocabularyBytes, in: buffer)
                case .postingKeys: layout.fill(table, with: postingKeys, in: buffer)
                case .postingStarts: layout.fill(table, with: postingStarts, in: buffer)
                case .postingEntries: layout.fill(table, with: postingEntries, in: buffer)
                case .lengths: layout.fill(table, with: lengths, in: buffer)
                case .postingSignatures: layout.fill(table, with: postingEntries.map { signatures[Int($0)] }, in: buffer)
                }
            }
            layout.seal(buffer)
            let image = IndexImage(bytes: UnsafeRawBufferPointer(buffer)) { _ in buffer.deallocate() }
            // Laid out just now by the same declaration the reader uses.
            return FuzzyIndex(image: image, layout: layout)
        }
    }
}
