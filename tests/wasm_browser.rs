//! The wasm API tests in headless Chromium (`WASM_BINDGEN_USE_BROWSER=1`).
#![cfg(target_family = "wasm")]

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

mod common;
