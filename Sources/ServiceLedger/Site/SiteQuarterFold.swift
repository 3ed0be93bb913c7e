import Dispatch

extension Site {
  /// The board reports of several quarters folded in one pass: each quarter's fold is given
  /// the events in force at its own last day, which are those in force at the site's date
  /// (a later one) that hold from that day or before, in the same order.
  ///
  /// Each report folds every event up to its quarter, so the work grows with the quarters
  /// times the log; memory grows with the quarters folded at once (`Site.quartersPerPass`).
  struct QuarterFold: ServiceLedger.Fold {
    /// One fold per quarter, by date.
    private var folds: [BoardReport.Fold]
    /// The quarters' last days, in the same order.
    private let ends: [CivilDate]
    /// Events waiting to be folded, each with the first fold it goes to: the folds take a
    /// batch at a time, shared between the cores.
    private var batch: [(event: RecordedEvent, first: Int)] = []
    private static var batchSize: Int { 4096 }

    /// The folds of `quarters` (in order), as known at `knownAt`.
    init(_ quarters: [Quarter], knownAt: Timestamp?) {
      folds = quarters.map { BoardReport.Fold(period: ReportPeriod(quarter: $0), knownAt: knownAt) }
      ends = quarters.map(\.lastDay)
    }

    var reads: EventReads { folds.first?.reads ?? EventReads([]) }

    mutating func apply(_ event: RecordedEvent) {
      var first = 0
      if let date = event.effectiveDate {
        // The first quarter whose last day is on or after `date`: it and every later one.
        var high = ends.count
        while first < high {
          let middle = (first + high) / 2
          if ends[middle] < date { first = middle + 1 } else { high = middle }
        }
      }
      guard first < folds.count else { return }
      batch.append((event, first))
      if batch.count == Self.batchSize { flush() }
    }

    /// The folds, every event given.
    mutating func finished() -> [BoardReport.Fold] {
      flush()
      return folds
    }

    /// Folds the batch into every fold it goes to; the folds are shared out between the
    /// cores (alternately, as the later quarters take more events), each fold's events in
    /// order.
    private mutating func flush() {
      guard !batch.isEmpty else { return }
      let events = batch
      batch.removeAll(keepingCapacity: true)
      let lanes = min(2, folds.count)
      folds.withUnsafeMutableBufferPointer { buffer in
        nonisolated(unsafe) let folds = buffer
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
          for index in stride(from: lane, to: folds.count, by: lanes) {
            for (event, first) in events where first <= index { folds[index].apply(event) }
          }
        }
      }
    }
  }

  /// The second pass of several board reports' restatement windows (`RestatementLookback`),
  /// one per report whose window left periods unresolved.
  struct LookbackFold: ServiceLedger.Fold {
    private(set) var lookbacks: [RestatementLookback]

    init(_ windows: [RestatementWindow]) { lookbacks = windows.map(RestatementLookback.init) }

    var reads: EventReads { EventReads([.volumeReported]) }

    mutating func apply(_ event: RecordedEvent) {
      for index in lookbacks.indices { lookbacks[index].apply(event) }
    }
  }
}
