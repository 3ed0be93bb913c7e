/// Whether a plan's document can be opened by its readers.
public enum LinkStatus: String, FieldChoice {
  /// A public address (`link`).
  case `public`
  /// A file on someone's own computer (`file:///C:/Users/...`), which nobody else can open.
  case localFile = "local-file"
  /// No link is given.
  case none
  public static let noun = "link status"
}

/// How a service uses a channel.
public enum ChannelStatus: String, FieldChoice {
  case inUse = "in-use"
  case planned
  /// Being replaced (cash giving way to cashless payment).
  case phasingOut = "phasing-out"
  public static let noun = "channel status"
}

/// What a channel is for.
public enum ChannelPurpose: String, FieldChoice {
  /// The service is delivered through it.
  case delivery
  /// Users get help to use the service through it (assisted digital).
  case support
  public static let noun = "channel purpose"
}

/// Whether a maturity level is aimed at or reached.
public enum MaturityKind: String, FieldChoice {
  case target, reached
  public static let noun = "maturity kind"
}

/// What a data subject asks for.
public enum SubjectRequestKind: String, FieldChoice {
  /// To see the information held about them.
  case access
  /// To have inaccurate information corrected.
  case correction
  public static let noun = "request kind"
}

/// A step that answers a data subject's request.
public enum SubjectRequestStep: String, FieldChoice {
  case accessGranted = "access-granted"
  case correctionMade = "correction-made"
  case subjectNotified = "subject-notified"
  public static let noun = "request step"
}
