//! Work split over a few threads, joined in order: the result is what one thread
//! would give. The bottom of `compare/`: it imports nothing of the crate.

/// `f(0..n)` in order, on several threads when `n` is large enough to be worth it.
pub(crate) fn par_map<T: Send>(n: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    par_map_min(n, 32, f)
}

/// How many threads a large piece of work is split over.
const PARTS: usize = 4;

/// [`par_map`] with threads from `min` items on.
pub(crate) fn par_map_min<T: Send>(n: usize, min: usize, f: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if n < min {
        return (0..n).map(f).collect();
    }
    // A fixed number of parts: asking how many cores there are would read the
    // process's CPU quota from files, and the core touches no file. The parts are
    // joined in order, so the result does not depend on how they ran.
    let chunk = n.div_ceil(PARTS);
    std::thread::scope(|s| {
        let f = &f;
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| s.spawn(move || (start..(start + chunk).min(n)).map(f).collect::<Vec<T>>()))
            .collect();
        handles.into_iter().flat_map(|h| h.join().expect("a section diff does not panic")).collect()
    })
}
