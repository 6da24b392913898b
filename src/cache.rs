//! Hashes that key what one build keeps for the next (`serve` keeps a
//! [`crate::build::BuildCache`] between saves): equal keys mean equal inputs,
//! so the kept result is used instead of making it again.

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

/// With `CASEBOOK_PROFILE=1` in the environment, prints how long the step
/// that ends here took (for finding where a rebuild's time goes).
pub fn lap(label: &str, since: &mut std::time::Instant) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("CASEBOOK_PROFILE").is_some()) {
        eprintln!("  {label}: {:.1} ms", since.elapsed().as_secs_f64() * 1000.0);
    }
    *since = std::time::Instant::now();
}

/// Drops `value` on another thread: large values built for one build
/// (every article's parts) take tens of milliseconds to free.
pub fn drop_later<T: Send + 'static>(value: T) {
    // Without a thread to spare, the value is dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}
