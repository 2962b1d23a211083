//! PDF reader (in progress).
