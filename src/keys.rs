//! Hashes that key what one build keeps for the next (see
//! [`crate::incremental`]): equal keys mean equal inputs, so the kept result
//! is used instead of making it again. Keys are made from explicit fields,
//! never from `Debug` text or a value's address.

use std::hash::{Hash, Hasher};

use serde::Serialize;

/// A 64-bit hash of a value's JSON, written straight into the hasher.
pub fn hash_of(value: &impl Serialize) -> u64 {
    struct Writer(rustc_hash::FxHasher);
    impl std::io::Write for Writer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.write(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut w = Writer(rustc_hash::FxHasher::default());
    let _ = serde_json::to_writer(&mut w, value);
    w.0.finish()
}

/// A 64-bit hash of anything hashable (text, paths, tuples of them).
pub fn hash_value(value: &impl Hash) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    value.hash(&mut h);
    h.finish()
}
