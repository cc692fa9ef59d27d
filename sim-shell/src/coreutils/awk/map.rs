//! [`Map`]: the one map type awk uses, for variables, arrays, functions
//! and compiled regexes. Keys and values in insertion order, searched
//! linearly: awk programs in lessons hold a handful of names and keys, and
//! one small generic type costs far less code than a hash map per value
//! type.

/// Names to values, in insertion order. Keys and values are kept apart
/// so that the key search is one function for every value type.
#[derive(Clone, Debug)]
pub struct Map<V> {
    keys: Vec<String>,
    values: Vec<V>,
}

impl<V> Default for Map<V> {
    fn default() -> Self {
        Map { keys: Vec::new(), values: Vec::new() }
    }
}

/// Where `key` is in `keys`.
fn position(keys: &[String], key: &str) -> Option<usize> {
    keys.iter().position(|k| k == key)
}

impl<V> Map<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.values.get(position(&self.keys, key)?)
    }

    pub fn get_mut(&mut self, key: &str) -> Option<&mut V> {
        self.values.get_mut(position(&self.keys, key)?)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        position(&self.keys, key).is_some()
    }

    /// Sets `key` to `value`, keeping its place if it was there.
    pub fn insert(&mut self, key: &str, value: V) {
        match self.get_mut(key) {
            Some(slot) => *slot = value,
            None => {
                self.keys.push(key.to_string());
                self.values.push(value);
            }
        }
    }

    /// The value of `key`, created with `make` if missing.
    pub fn get_or_insert_with(&mut self, key: &str, make: impl FnOnce() -> V) -> &mut V {
        let i = match position(&self.keys, key) {
            Some(i) => i,
            None => {
                self.keys.push(key.to_string());
                self.values.push(make());
                self.values.len() - 1
            }
        };
        &mut self.values[i]
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let i = position(&self.keys, key)?;
        self.keys.remove(i);
        Some(self.values.remove(i))
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The keys, in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.keys.iter().map(String::as_str)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.values.iter()
    }
}
