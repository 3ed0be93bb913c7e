/// A channel of a service in the source's terms, e.g. `bank-qr`, `cash`, `social-network`.
public struct ChannelID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}

/// A data subject's request in an organisation's request log, e.g. `r-2024-0007`.
public struct RequestID: SlugIdentifier {
  public let rawValue: String
  public init(unchecked rawValue: String) { self.rawValue = rawValue }
}
