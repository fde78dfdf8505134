//! The checked-in copy of the UM bindings that `build.rs` generates, so
//! that the golden output is reviewed in diffs and always compiles.
//! `tests/golden.rs` in the root package keeps it identical.
#![forbid(unsafe_code)]

pub mod um {
    include!("um.rs");
}
