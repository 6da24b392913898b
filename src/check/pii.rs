//! Finds customer data that must not be published (placeholder; being written).
