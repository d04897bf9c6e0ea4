//! Local storage: every call tolerates storage that is off or full.

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The value under `key` in local storage.
pub fn storage_get(key: &str) -> Option<String> {
    local_storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores `value` under `key`; `false` when storage is off or full.
pub fn storage_set(key: &str, value: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Whether local storage takes a value (it can be turned off, or full).
pub fn storage_works() -> bool {
    const PROBE: &str = "fundsim.probe";
    local_storage().is_some_and(|s| s.set_item(PROBE, "1").is_ok() && s.remove_item(PROBE).is_ok())
}

/// Removes the value under `key`; `false` when storage refused.
pub fn storage_remove(key: &str) -> bool {
    local_storage().is_some_and(|s| s.remove_item(key).is_ok())
}

/// Moves the value under `from` to `to`; `from` is removed only once `to` holds it.
pub fn storage_move(from: &str, to: &str) -> bool {
    let Some(storage) = local_storage() else { return false };
    let Some(value) = storage.get_item(from).ok().flatten() else { return false };
    storage.set_item(to, &value).is_ok() && storage.remove_item(from).is_ok()
}
