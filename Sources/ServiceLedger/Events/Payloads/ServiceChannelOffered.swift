/// `service.channel-offered`: a channel through which a service is delivered or its users are
/// helped (cash, a bank's QR code, online, a website, social networks), in use, planned or
/// being phased out, with the partners who run it.
public struct ServiceChannelOffered: EventPayload {
  public static let type = EventType.serviceChannelOffered
  public var asEvent: Event { .serviceChannelOffered(self) }
  public static let fields: [FieldSpec] = [
    .required("service", .slug), .required("channel", .slug),
    .required("status", .choice(ChannelStatus.words)),
    .optional("purpose", .choice(ChannelPurpose.words)), .optional("partners", .slugList),
    .optional("on", .date), .optional("source", .text),
  ]

  public var service: ServiceID
  /// The channel, in the source's terms as a slug (`bank-qr`, `cash`, `social-network`).
  public var channel: ChannelID
  public var status: ChannelStatus
  /// Delivery when nil.
  public var purpose: ChannelPurpose?
  /// The organisations that run the channel (the banks).
  public var partners: [OrganisationID]?
  public var on: CivilDate?
  public var source: String?

  public init(
    service: ServiceID, channel: ChannelID, status: ChannelStatus, purpose: ChannelPurpose? = nil,
    partners: [OrganisationID]? = nil, on: CivilDate? = nil, source: String? = nil
  ) {
    self.service = service
    self.channel = channel
    self.status = status
    self.purpose = purpose
    self.partners = partners
    self.on = on
    self.source = source
  }

  public init(from decoder: PayloadDecoder) throws(EventError) {
    service = try decoder.identifier("service")
    channel = try decoder.identifier("channel")
    status = try decoder.choice("status")
    purpose = try decoder.optionalChoice("purpose")
    partners = try decoder.identifiers("partners")
    on = try decoder.optionalDate("on")
    source = try decoder.optionalText("source")
  }

  /// What the channel is for: delivery unless the source says support.
  public var effectivePurpose: ChannelPurpose { purpose ?? .delivery }

  public func encode(to encoder: inout PayloadEncoder) {
    encoder.encode("service", service)
    encoder.encode("channel", channel)
    encoder.encode("status", status)
    encoder.encode("purpose", purpose)
    encoder.encode("partners", partners?.map(\.rawValue))
    encoder.encode("on", on)
    encoder.encode("source", source)
  }
}
