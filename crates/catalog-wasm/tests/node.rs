//! The wasm API in Node.
#![cfg(target_arch = "wasm32")]

mod suite;
