/// Takes a value that must be computed though nothing reads it: the compiler cannot see
/// into this function, so it keeps the reads that produce the value (the reads that warm a
/// cache ahead of use: `SlotSet.warm`, `IDFilter.warm`, `EventRun.warm`, the merge's
/// `Head.warm`).
@_optimize(none)
@inline(never)
func keep<Value>(_ value: Value) {}
