//! Where a build's time goes, and keeping work off the path to the reload.

/// With `CASEBOOK_PROFILE=1` in the environment, prints how long the step
/// that ends here took, and the memory the process holds after it (for
/// finding where a rebuild's time and a large build's memory go).
pub fn lap(label: &str, since: &mut std::time::Instant) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("CASEBOOK_PROFILE").is_some()) {
        eprintln!("  {label}: {:.1} ms, {}", since.elapsed().as_secs_f64() * 1000.0, memory());
    }
    *since = std::time::Instant::now();
}

/// The process's memory now and at its peak (Linux), for the profile.
fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().trim_end_matches(" kB").trim().to_string())
    };
    match (field("VmRSS:"), field("VmHWM:")) {
        (Some(now), Some(peak)) => format!(
            "{} MiB (peak {} MiB)",
            now.parse::<u64>().unwrap_or(0) / 1024,
            peak.parse::<u64>().unwrap_or(0) / 1024
        ),
        _ => String::new(),
    }
}

/// Drops `value` on another thread: large values built for one build
/// (every article's parts) take tens of milliseconds to free.
pub fn drop_later<T: Send + 'static>(value: T) {
    // Without a thread to spare, the value is dropped here.
    let _ = std::thread::Builder::new().spawn(move || drop(value));
}
