/// `kpi.reported`: the service standard's key performance indicators for a period.
public struct KPIReported: EventPayload {
  public static let type = EventType.kpiReported
  public var asEvent: Event { .kpiReported(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("from", .date), .required("to", .date),
    .optional("costPerTransaction", .money), .optional("digitalCostPerTransaction", .money),
    .optional("completionRate", .rate), .optional("userSatisfaction", .rate),
    .optional("source", .text),
  ]

  public var service: ServiceID
  public var from: CivilDate
  public var to: CivilDate
  /// Pounds per completed transaction, all channels.
  public var costPerTransaction: Double?
  /// Pounds per completed digital transaction.
  public var digitalCostPerTransaction: Double?
  /// Completed ÷ started, 0...1.
  public var completionRate: Double?
  /// 0...1.
  public var userSatisfaction: Double?
  public var source: String?

  public init(
    service: ServiceID, from: CivilDate, to: CivilDate, costPerTransaction: Double? = nil,
    digitalCostPerTransaction: Double? = nil, completionRate: Double? = nil,
    userSatisfaction: Double? = nil, source: String? = nil
  ) {
    self.service = service
    self.from = from
    self.to = to
    self.costPerTransaction = costPerTransaction
    self.digitalCostPerTransaction = digitalCostPerTransaction
    self.completionRate = completionRate
    self.userSatisfaction = userSatisfaction
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    from = try decoder.date("from")
    to = try decoder.date("to")
    let money = PayloadDecoder.money
    costPerTransaction = try decoder.optionalDecimal("costPerTransaction", in: money)
    digitalCostPerTransaction = try decoder.optionalDecimal("digitalCostPerTransaction", in: money)
    completionRate = try decoder.optionalDecimal("completionRate", in: 0...1)
    userSatisfaction = try decoder.optionalDecimal("userSatisfaction", in: 0...1)
    source = try decoder.optionalText("source")
    guard from <= to else {
      throw EventError(field: "data.to", "\(to) is before from \(from)")
    }
    guard
      [costPerTransaction, digitalCostPerTransaction, completionRate, userSatisfaction]
        .contains(where: { $0 != nil })
    else {
      throw EventError(
        field: "data",
        "reports no KPI; give at least one of costPerTransaction, "
          + "digitalCostPerTransaction, completionRate, userSatisfaction")
    }
  }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("from", from)
    encoder.encode("to", to)
    encoder.encode("costPerTransaction", costPerTransaction)
    encoder.encode("digitalCostPerTransaction", digitalCostPerTransaction)
    encoder.encode("completionRate", completionRate)
    encoder.encode("userSatisfaction", userSatisfaction)
    encoder.encode("source", source)
  }
}
