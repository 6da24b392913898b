//! Where a build's time goes, and keeping work off the path to the reload.

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
