/// A compiled pattern and the Pike VM that runs it: every thread advances in lock step over the input, at most
/// one thread per instruction, so matching is linear in the value's length whatever the pattern.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        case set(ScalarSet)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    let instructions: [Instruction]

    /// True when the whole of `input` matches (the pattern anchored at both ends).
    func matches(_ input: String.UnicodeScalarView) -> Bool {
        let count = instructions.count
        var current = ThreadList(capacity: count)
        var next = ThreadList(capacity: count)
        var stack: [Int] = []
        var generation = 1
        var marks = [Int](repeating: 0, count: count)
        let total = input.count
        var position = 0
        addClosure(0, to: &current, at: position, total: total, marks: &marks, generation: generation, stack: &stack)
        for scalar in input {
            if current.isEmpty { return false }
            generation += 1
            next.removeAll()
            let value = scalar.value
            for pc in current.items {
                let advances: Bool
                switch instructions[pc] {
                case .scalar(let wanted): advances = wanted == value
                case .set(let set): advances = set.contains(value)
                default: advances = false
                }
                if advances {
                    addClosure(pc + 1, to: &next, at: position + 1, total: total, marks: &marks,
                               generation: generation, stack: &stack)
                }
            }
            swap(&current, &next)
            position += 1
        }
        return current.items.contains { if case .match = instructions[$0] { true } else { false } }
    }

    /// Adds `start` and every instruction reachable from it without consuming input.
    private func addClosure(_ start: Int, to list: inout ThreadList, at position: Int, total: Int,
                            marks: inout [Int], generation: Int, stack: inout [Int]) {
        stack.removeAll(keepingCapacity: true)
        stack.append(start)
        while let pc = stack.popLast() {
            guard marks[pc] != generation else { continue }
            marks[pc] = generation
            switch instructions[pc] {
            case .jump(let target):
                stack.append(target)
            case .split(let first, let second):
                stack.append(second)
                stack.append(first)
            case .assertStart:
                if position == 0 { stack.append(pc + 1) }
            case .assertEnd:
                if position == total { stack.append(pc + 1) }
            case .scalar, .set, .match:
                list.items.append(pc)
            }
        }
    }

    private struct ThreadList {
        var items: [Int]
        init(capacity: Int) { items = []; items.reserveCapacity(capacity) }
        var isEmpty: Bool { items.isEmpty }
        mutating func removeAll() { items.removeAll(keepingCapacity: true) }
    }
}

/// Turns a `RegexNode` tree into a `RegexProgram`, refusing programs above `LabelRegex.maximumProgramSize`.
struct RegexCompiler {
    private var code: [RegexProgram.Instruction] = []
    private let caseInsensitive: Bool

    init(caseInsensitive: Bool) {
        self.caseInsensitive = caseInsensitive
    }

    mutating func compile(_ node: RegexNode) throws(SelectorError) {
        try emit(node)
        code.append(.match)
    }

    func finish() -> RegexProgram { RegexProgram(instructions: code) }

    private mutating func append(_ instruction: RegexProgram.Instruction) throws(SelectorError) {
        guard code.count < LabelRegex.maximumProgramSize else {
            throw SelectorError(offset: 0, "regex too large once repetitions are expanded")
        }
        code.append(instruction)
    }

    private mutating func emit(_ node: RegexNode) throws(SelectorError) {
        switch node {
        case .empty:
            return
        case .scalar(let scalar):
            let value = scalar.value
            if caseInsensitive, (65...90).contains(value) || (97...122).contains(value) {
                try append(.set(ScalarSet(ranges: [value...value], negated: false).caseFolded()))
            } else {
                try append(.scalar(value))
            }
        case .set(let set):
            try append(.set(caseInsensitive ? set.caseFolded() : set))
        case .lineStart:
            try append(.assertStart)
        case .lineEnd:
            try append(.assertEnd)
        case .concat(let items):
            for item in items { try emit(item) }
        case .alternate(let branches):
            // split L1, next; L1: branch; jump end; next: split L2, … ; last branch falls through to end.
            var jumps: [Int] = []
            for (offset, branch) in branches.enumerated() {
                if offset < branches.count - 1 {
                    let split = code.count
                    try append(.split(split + 1, 0))
                    try emit(branch)
                    jumps.append(code.count)
                    try append(.jump(0))
                    code[split] = .split(split + 1, code.count)
                } else {
                    try emit(branch)
                }
            }
            for jump in jumps { code[jump] = .jump(code.count) }
        case .repeated(let inner, let min, let max):
            for _ in 0..<min { try emit(inner) }
            if let max {
                var splits: [Int] = []
                for _ in min..<max {
                    splits.append(code.count)
                    try append(.split(code.count + 1, 0))
                    try emit(inner)
                }
                for split in splits { code[split] = .split(split + 1, code.count) }
            } else {
                let loop = code.count
                try append(.split(loop + 1, 0))
                try emit(inner)
                try append(.jump(loop))
                code[loop] = .split(loop + 1, code.count)
            }
        }
    }
}
