/// Pounds per completed transaction by channel, for cost estimates: the Digital Efficiency
/// Report's benchmark, or the latest `costs.set` in force (channels it leaves out keep the
/// benchmark).
public struct UnitCosts: Sendable, Equatable {
  public var digital: Double
  public var assisted: Double
  public var phone: Double
  public var post: Double
  public var faceToFace: Double
  public var other: Double
  /// Where the figures come from.
  public var source: String
  /// The date of the `costs.set` in force; nil for the benchmark.
  public var on: CivilDate?

  /// The Digital Efficiency Report's benchmark (November 2012, figure 23): Socitm 2012 for face
  /// to face £8.62, phone £2.83 and digital £0.15; the ESD toolkit 2008 row for post £12.10 and
  /// assisted £3.39; other channels as phone.
  public static let benchmark = UnitCosts(
    digital: 0.15, assisted: 3.39, phone: 2.83, post: 12.10, faceToFace: 8.62, other: 2.83,
    source: "Digital Efficiency Report 2012 benchmark (Socitm 2012; ESD toolkit 2008)", on: nil)

  /// The fold of the unit costs in force: the `costs.set` with the latest `on` (same day: the
  /// later recorded), over the benchmark.
  public struct Fold: ServiceLedger.Fold, Sendable {
    private var latest: CostsSet?

    public init() {}

    public var reads: EventReads { EventReads([.costsSet]) }

    public mutating func apply(_ recorded: RecordedEvent) {
      guard case .costsSet(let set) = recorded.event else { return }
      if let known = latest, set.on < known.on { return }
      latest = set
    }

    /// The unit costs in force.
    public var unitCosts: UnitCosts { latest.map(UnitCosts.benchmark.applying) ?? .benchmark }
  }

  init(
    digital: Double, assisted: Double, phone: Double, post: Double, faceToFace: Double,
    other: Double, source: String, on: CivilDate?
  ) {
    self.digital = digital
    self.assisted = assisted
    self.phone = phone
    self.post = post
    self.faceToFace = faceToFace
    self.other = other
    self.source = source
    self.on = on
  }

  /// These costs with the channels that `set` gives replaced.
  public func applying(_ set: CostsSet) -> UnitCosts {
    UnitCosts(
      digital: set.digital ?? digital, assisted: set.assisted ?? assisted,
      phone: set.phone ?? phone, post: set.post ?? post,
      faceToFace: set.faceToFace ?? faceToFace, other: set.other ?? other,
      source: set.source, on: set.on)
  }

  /// The six unit costs in `VolumeReported.channelNames` order.
  public var channels: [Double] { [digital, assisted, phone, post, faceToFace, other] }

  /// The cost of a transaction whose channel is not reported, as the Digital Efficiency Report
  /// modelled non-digital volume: 80% phone, 20% face to face.
  public var unreportedNonDigital: Double { 0.8 * phone + 0.2 * faceToFace }
}
