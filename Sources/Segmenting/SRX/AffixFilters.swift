/// Answers "which rules could match here?" by walking the text from a position
/// through tries of character-class sequences.
///
/// It is the cheap necessary condition that lets `RuleCascade` skip rules at a
/// position without running ICU (see `RegexPattern.suffixSequences`). All the
/// rules' `beforebreak` suffixes share one backward trie whose end nodes name
/// the rules they complete, so one walk from a position finds every rule whose
/// suffix fits, however many rules there are; each `afterbreak` prefix gets a
/// forward trie of its own. Trie edges for single literal characters are kept
/// sorted and found by binary search (sixty abbreviations cost a few
/// comparisons); other edges are character classes compiled to bitmaps over
/// UTF-16 units, one bit test each.
///
/// The tries live in memory the store allocates itself: the walk runs at every
/// candidate position of every document, and there it touches no reference
/// counts and makes no copies.
final class AffixFilters {
    enum Direction {
        /// Sequences end just before the position (for `beforebreak`).
        case backward
        /// Sequences start at the position (for `afterbreak`).
        case forward
    }

    /// A trie in the store: its root node and the direction it walks.
    struct Trie {
        let root: Int32
        let direction: Direction
    }

    fileprivate struct Node {
        /// Literal edges, sorted by unit: [firstLiteral, firstLiteral + literalCount).
        var firstLiteral: Int32
        var literalCount: Int32
        /// Class edges: [firstClass, firstClass + classCount).
        var firstClass: Int32
        var classCount: Int32
        /// Index of the rule set this node completes, or -1.
        var terminal: Int32
        /// The first word of the rules the subtree completes (`Storage.reach`),
        /// beside the node the walk reads anyway.
        var reach: UInt64 = 0
    }

    fileprivate struct LiteralEdge {
        var unit: UInt16
        var child: Int32
    }

    fileprivate struct ClassEdge {
        var classIndex: Int32
        var child: Int32
    }

    fileprivate static let wordsPerClass = UnitBitmap.wordCount
    /// Words per rule set (64 rules each).
    let ruleWords: Int

    // While building: a pointer trie per root, and the rules each node completes.
    private var children: [[(UnitClass, Int)]] = []
    private var completes: [[Int]] = []

    /// The frozen tries. Its storage is `let`: the walk reads it at every
    /// candidate position, and stored `var`s of a class cost a dynamic
    /// exclusivity check per read.
    fileprivate final class Storage {
        let nodes: UnsafeMutableBufferPointer<Node>
        let literals: UnsafeMutableBufferPointer<LiteralEdge>
        let classEdges: UnsafeMutableBufferPointer<ClassEdge>
        let bitmaps: UnsafeMutableBufferPointer<UInt64>
        let ruleSets: UnsafeMutableBufferPointer<UInt64>
        /// Per node, `ruleWords` words: the rules its subtree completes.
        let reach: UnsafeMutableBufferPointer<UInt64>
        let unsure: UnsafeMutableBufferPointer<UInt64>
        let ruleWords: Int

        init(nodes: [Node], literals: [LiteralEdge], classEdges: [ClassEdge], classes: [UnitClass], sets: [[Int]], reach: [[Int]], ruleWords: Int) {
            self.ruleWords = ruleWords
            self.nodes = .allocate(capacity: max(nodes.count, 1))
            _ = self.nodes.initialize(from: nodes)
            self.literals = .allocate(capacity: max(literals.count, 1))
            _ = self.literals.initialize(from: literals)
            self.classEdges = .allocate(capacity: max(classEdges.count, 1))
            _ = self.classEdges.initialize(from: classEdges)
            bitmaps = UnitClass.flatBitmaps(classes)
            ruleSets = .allocate(capacity: max(sets.count, 1) * ruleWords)
            ruleSets.initialize(repeating: 0)
            for (i, rules) in sets.enumerated() {
                for rule in rules { ruleSets[i * ruleWords + rule / 64] |= 1 << UInt64(rule % 64) }
            }
            self.reach = .allocate(capacity: max(reach.count, 1) * ruleWords)
            self.reach.initialize(repeating: 0)
            for (node, rules) in reach.enumerated() {
                for rule in rules { self.reach[node * ruleWords + rule / 64] |= 1 << UInt64(rule % 64) }
                self.nodes[node].reach = self.reach[node * ruleWords]
            }
            unsure = .allocate(capacity: AffixFilters.wordsPerClass)
            _ = unsure.initialize(from: CategoryTables.unsure.words)
        }

        deinit {
            nodes.deallocate()
            literals.deallocate()
            classEdges.deallocate()
            bitmaps.deallocate()
            ruleSets.deallocate()
            reach.deallocate()
            unsure.deallocate()
        }
    }

    init(ruleCount: Int) {
        ruleWords = max(1, (ruleCount + 63) / 64)
    }

    /// A new, empty trie.
    func makeTrie(_ direction: Direction) -> Trie {
        children.append([])
        completes.append([])
        return Trie(root: Int32(children.count - 1), direction: direction)
    }

    /// Adds `sequences` (in text order) to `trie`, each completing `rule`.
    func add(_ sequences: [[UnitClass]], to trie: Trie, rule: Int) {
        for sequence in sequences where !sequence.isEmpty {
            var node = Int(trie.root)
            for unitClass in trie.direction == .backward ? Array(sequence.reversed()) : sequence {
                if let existing = children[node].first(where: { $0.0 == unitClass }) {
                    node = existing.1
                } else {
                    children.append([])
                    completes.append([])
                    children[node].append((unitClass, children.count - 1))
                    node = children.count - 1
                }
            }
            if !completes[node].contains(rule) { completes[node].append(rule) }
        }
    }

    /// The classes on the edges leaving a trie's root.
    func rootClasses(_ trie: Trie) -> [UnitClass] {
        children[Int(trie.root)].map(\.0)
    }

    /// The classes one of which the second unit of every sequence of `trie`
    /// belongs to; nil when a sequence is one unit long.
    func secondClasses(_ trie: Trie) -> [UnitClass]? {
        var classes: [UnitClass] = []
        for (_, child) in children[Int(trie.root)] {
            guard completes[child].isEmpty, !children[child].isEmpty else { return nil }
            classes += children[child].map(\.0)
        }
        return classes
    }

    /// Moves the tries into their final storage and returns the reader for
    /// them; call once, after the last `add`.
    func freeze() -> Reader {
        var nodeList: [Node] = []
        var literalList: [LiteralEdge] = []
        var classEdgeList: [ClassEdge] = []
        var classList: [UnitClass] = []
        var classIndex: [UnitClass: Int32] = [:]
        var setList: [[Int]] = []
        for (node, outgoing) in children.enumerated() {
            // A class of a few plain characters ("[гГ]", which the Russian
            // and Azerbaijani abbreviation lists are made of) becomes one
            // literal edge per character: a binary search finds them all at
            // once, where each class edge cost a bitmap test (and a cache
            // line) of its own at every walk.
            let literalEdges = outgoing.flatMap { edge in
                (edge.0.literalUnits ?? []).map { LiteralEdge(unit: $0, child: Int32(edge.1)) }
            }.sorted { ($0.unit, $0.child) < ($1.unit, $1.child) }
            let classOnly = outgoing.filter { $0.0.literalUnits == nil }
            var terminal: Int32 = -1
            if !completes[node].isEmpty {
                setList.append(completes[node])
                terminal = Int32(setList.count - 1)
            }
            nodeList.append(Node(
                firstLiteral: Int32(literalList.count), literalCount: Int32(literalEdges.count),
                firstClass: Int32(classEdgeList.count), classCount: Int32(classOnly.count),
                terminal: terminal))
            literalList += literalEdges
            for (unitClass, child) in classOnly {
                let index: Int32
                if let known = classIndex[unitClass] {
                    index = known
                } else {
                    classList.append(unitClass)
                    index = Int32(classList.count - 1)
                    classIndex[unitClass] = index
                }
                classEdgeList.append(ClassEdge(classIndex: index, child: Int32(child)))
            }
        }
        // What each node's subtree can complete: children come after their
        // parent, so one backward pass sums them.
        var reach = [[Int]](repeating: [], count: children.count)
        for node in children.indices.reversed() {
            var rules = Set(completes[node])
            for (_, child) in children[node] { rules.formUnion(reach[child]) }
            reach[node] = Array(rules)
        }
        children = []
        completes = []
        return Reader(storage: Storage(nodes: nodeList, literals: literalList, classEdges: classEdgeList, classes: classList, sets: setList, reach: reach, ruleWords: ruleWords))
    }

    /// Walks the frozen tries.
    struct Reader {
        fileprivate let storage: Storage

        /// Adds to `rules` every rule in `allowed` that one of `trie`'s
        /// sequences completes at `offset` (and maybe others).
        ///
        /// The walk leaves out subtrees that complete no rule in `allowed`:
        /// at a sentence end, the rules whose `afterbreak` cannot start with
        /// the next two units (`RuleCascade`) need no look behind it.
        func collect(_ trie: Trie, at offset: Int, in units: UnsafeBufferPointer<UInt16>, into rules: UnsafeMutableBufferPointer<UInt64>,
                     allowed: UnsafeMutableBufferPointer<UInt64>) {
            guard reaches(Int(trie.root), allowed) else { return }
            let step = trie.direction == .backward ? -1 : 1
            walk(Int(trie.root), trie.direction == .backward ? offset - 1 : offset, step, units, rules, allowed)
        }

        @inline(__always)
        private func reaches(_ node: Int, _ allowed: UnsafeMutableBufferPointer<UInt64>) -> Bool {
            if storage.nodes[node].reach & allowed[0] != 0 { return true }
            let ruleWords = storage.ruleWords
            guard ruleWords > 1 else { return false }
            let base = node * ruleWords
            for w in 1..<ruleWords where storage.reach[base + w] & allowed[w] != 0 { return true }
            return false
        }

        var ruleWords: Int { storage.ruleWords }

        /// Whether some sequence of `trie` fits at `offset`: for a single-rule
        /// trie, whether its rule may match. Stops at the first that fits.
        func matches(_ trie: Trie, at offset: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
            let step = trie.direction == .backward ? -1 : 1
            return fits(Int(trie.root), trie.direction == .backward ? offset - 1 : offset, step, units)
        }

        private func fits(_ node: Int, _ index: Int, _ step: Int, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
            let current = storage.nodes[node]
            if current.terminal >= 0 { return true }
            guard index >= 0, index < units.count else { return false }
            let literals = storage.literals, classEdges = storage.classEdges
            let unit = units[index]
            let word = Int(unit >> 6)
            let bit: UInt64 = 1 << UInt64(unit & 63)
            let isUnsure = storage.unsure[word] & bit != 0
            let firstLiteral = Int(current.firstLiteral)
            let endLiteral = firstLiteral + Int(current.literalCount)
            var e = isUnsure ? firstLiteral : Self.firstLiteral(unit, literals, firstLiteral, endLiteral)
            while e < endLiteral, isUnsure || literals[e].unit == unit {
                if fits(Int(literals[e].child), index + step, step, units) { return true }
                e += 1
            }
            let first = Int(current.firstClass)
            for e in first..<(first + Int(current.classCount)) {
                let edge = classEdges[e]
                if isUnsure || storage.bitmaps[Int(edge.classIndex) * AffixFilters.wordsPerClass + word] & bit != 0,
                   fits(Int(edge.child), index + step, step, units) {
                    return true
                }
            }
            return false
        }

        /// For `ExactRule`: walks backward `trie` from `offset` and calls
        /// `accept` with the start of each sequence that ends there and the
        /// first word of the rules its last node completes, until `accept`
        /// says true. True when it did; nil when it never did but the walk met
        /// a surrogate it had to test, or `accept` said nil; else false.
        ///
        /// Unlike `collect` and `fits`, which may say yes for nothing, the
        /// answer is exact: literal edges and class bitmaps test a unit that
        /// is not a surrogate as ICU would.
        func anySequence(_ trie: Trie, endingAt offset: Int, in units: UnsafeBufferPointer<UInt16>,
                         _ accept: (Int, UInt64) -> Bool?) -> Bool? {
            anySequence(Int(trie.root), offset - 1, units, accept)
        }

        private func anySequence(_ node: Int, _ index: Int, _ units: UnsafeBufferPointer<UInt16>, _ accept: (Int, UInt64) -> Bool?) -> Bool? {
            let current = storage.nodes[node]
            var unknown = false
            if current.terminal >= 0 {
                switch accept(index + 1, storage.ruleSets[Int(current.terminal) * storage.ruleWords]) {
                case true?: return true
                case nil: unknown = true
                case false?: break
                }
            }
            guard index >= 0, current.literalCount > 0 || current.classCount > 0 else { return unknown ? nil : false }
            let literals = storage.literals, classEdges = storage.classEdges
            let unit = units[index]
            let word = Int(unit >> 6)
            let bit: UInt64 = 1 << UInt64(unit & 63)
            if storage.unsure[word] & bit != 0 { return nil }
            let endLiteral = Int(current.firstLiteral) + Int(current.literalCount)
            var e = Self.firstLiteral(unit, literals, Int(current.firstLiteral), endLiteral)
            while e < endLiteral, literals[e].unit == unit {
                switch anySequence(Int(literals[e].child), index - 1, units, accept) {
                case true?: return true
                case nil: unknown = true
                case false?: break
                }
                e += 1
            }
            let first = Int(current.firstClass)
            for e in first..<(first + Int(current.classCount)) {
                let edge = classEdges[e]
                guard storage.bitmaps[Int(edge.classIndex) * AffixFilters.wordsPerClass + word] & bit != 0 else { continue }
                switch anySequence(Int(edge.child), index - 1, units, accept) {
                case true?: return true
                case nil: unknown = true
                case false?: break
                }
            }
            return unknown ? nil : false
        }

        /// The first literal edge in `low..<high` whose unit is not below `unit`.
        @inline(__always)
        private static func firstLiteral(_ unit: UInt16, _ literals: UnsafeMutableBufferPointer<LiteralEdge>, _ low: Int, _ high: Int) -> Int {
            var low = low
            var high = high
            while low < high {
                let mid = (low + high) >> 1
                if literals[mid].unit < unit { low = mid + 1 } else { high = mid }
            }
            return low
        }

        private func walk(_ node: Int, _ index: Int, _ step: Int, _ units: UnsafeBufferPointer<UInt16>, _ rules: UnsafeMutableBufferPointer<UInt64>,
                          _ allowed: UnsafeMutableBufferPointer<UInt64>) {
            let nodes = storage.nodes, literals = storage.literals, classEdges = storage.classEdges
            let bitmaps = storage.bitmaps, ruleSets = storage.ruleSets, unsure = storage.unsure
            let ruleWords = storage.ruleWords
            let current = nodes[node]
            if current.terminal >= 0 {
                let base = Int(current.terminal) * ruleWords
                for w in 0..<ruleWords { rules[w] |= ruleSets[base + w] }
            }
            guard index >= 0, index < units.count else { return }
            let unit = units[index]
            let word = Int(unit >> 6)
            let bit: UInt64 = 1 << UInt64(unit & 63)
            let isUnsure = unsure[word] & bit != 0
            let firstLiteral = Int(current.firstLiteral)
            let endLiteral = firstLiteral + Int(current.literalCount)
            // Unknown to our tables (isUnsure): every edge may match. Else the
            // edges of this unit, several when classes were made literals.
            var e = isUnsure ? firstLiteral : Self.firstLiteral(unit, literals, firstLiteral, endLiteral)
            while e < endLiteral, isUnsure || literals[e].unit == unit {
                let child = Int(literals[e].child)
                if reaches(child, allowed) { walk(child, index + step, step, units, rules, allowed) }
                e += 1
            }
            let first = Int(current.firstClass)
            for e in first..<(first + Int(current.classCount)) {
                let edge = classEdges[e]
                let child = Int(edge.child)
                if reaches(child, allowed), isUnsure || bitmaps[Int(edge.classIndex) * AffixFilters.wordsPerClass + word] & bit != 0 {
                    walk(child, index + step, step, units, rules, allowed)
                }
            }
        }
    }
}
