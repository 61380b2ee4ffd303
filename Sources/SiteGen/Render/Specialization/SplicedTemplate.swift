
/// A template's output for one path through it: literal bytes with numbered slots, each slot
/// HTML-escaped or raw as the template asked. Filling the slots with a page's values gives the
/// bytes the engine would render for that page.
struct SplicedTemplate: Sendable {
    private struct Piece: Sendable {
        /// End of the literal bytes before the slot.
        let literalEnd: Int
        let slot: Int
        let escaped: Bool
    }

    private let literals: [UInt8]
    private let pieces: [Piece]

    /// Reads the engine's output rendered with slot markers; `nil` when a marker is damaged
    /// (a transform changed it) or names a slot that does not exist.
    init?(markedOutput: String, slotCount: Int) {
        var literals: [UInt8] = []
        var pieces: [Piece] = []
        let bytes = Array(markedOutput.utf8)
        literals.reserveCapacity(bytes.count)
        var index = 0
        func hasPrefix(_ prefix: [UInt8], at position: Int) -> Bool {
            position + prefix.count <= bytes.count && bytes[position..<position + prefix.count].elementsEqual(prefix)
        }
        let escapedAmpersand = Array("&amp;".utf8)
        while index < bytes.count {
            if bytes[index] == SlotMarker.open[0], hasPrefix(SlotMarker.open, at: index) {
                var position = index + SlotMarker.open.count
                let escaped: Bool
                if hasPrefix(escapedAmpersand, at: position) {
                    escaped = true
                    position += escapedAmpersand.count
                } else if position < bytes.count, bytes[position] == UInt8(ascii: "&") {
                    escaped = false
                    position += 1
                } else {
                    return nil
                }
                var slot = 0
                let digitsStart = position
                while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]), position - digitsStart < 9 {
                    slot = slot * 10 + Int(bytes[position] - UInt8(ascii: "0"))
                    position += 1
                }
                guard position > digitsStart, slot < slotCount, hasPrefix(SlotMarker.close, at: position) else { return nil }
                pieces.append(Piece(literalEnd: literals.count, slot: slot, escaped: escaped))
                index = position + SlotMarker.close.count
            } else if bytes[index] == SlotMarker.close[0], hasPrefix(SlotMarker.close, at: index) {
                return nil
            } else {
                literals.append(bytes[index])
                index += 1
            }
        }
        self.literals = literals
        self.pieces = pieces
    }

    /// Appends the output for `slots` (the page's slot values, numbered as when recorded).
    func fill(_ slots: [SlotValue], into output: inout [UInt8]) {
        output.reserveCapacity(output.count + literals.count + 1024)
        var start = 0
        // Through buffer pointers: reading `slots[i]` from the array copied (retained) each
        // value, and the values of shared blocks are retained from both threads at once.
        literals.withUnsafeBufferPointer { literals in
            slots.withUnsafeBufferPointer { slots in
                for piece in pieces {
                    output.append(contentsOf: literals[start..<piece.literalEnd])
                    start = piece.literalEnd
                    slots[piece.slot].append(escaped: piece.escaped, to: &output)
                }
            }
            output.append(contentsOf: literals[start...])
        }
    }
}
