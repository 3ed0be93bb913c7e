// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ServiceLedger",
  products: [
    .library(name: "ServiceLedger", targets: ["ServiceLedger"]),
    .executable(name: "ledger", targets: ["ledger"]),
  ],
  targets: [
    .target(name: "ServiceLedger"),
    .executableTarget(name: "ledger", dependencies: ["ServiceLedger"]),
    .testTarget(
      name: "ServiceLedgerTests",
      dependencies: ["ServiceLedger", "ledger"],
      exclude: ["Fixtures"]
    ),
  ],
  swiftLanguageModes: [.v6]
)
