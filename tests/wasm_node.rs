//! The wasm API tests under node: `scripts/test.sh` runs them with
//! `wasm-bindgen-test-runner`.
#![cfg(target_family = "wasm")]

mod common;
