//! Equality for the short strings a reader compares all the time: element
//! names, prefixes, namespace URIs. Most are shorter than the fixed cost of
//! a call to `memcmp`, which on some processors is also slow to warm up.

/// Byte equality, eight bytes at a time.
#[inline(always)]
pub(crate) fn same(a: &(impl AsRef<[u8]> + ?Sized), b: &(impl AsRef<[u8]> + ?Sized)) -> bool {
    let (a, b) = (a.as_ref(), b.as_ref());
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    let word = |c: &[u8]| u64::from_ne_bytes(c.try_into().unwrap_or_default());
    x.by_ref().zip(y.by_ref()).all(|(p, q)| word(p) == word(q))
        && x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

#[cfg(test)]
mod tests {
    use super::same;

    #[test]
    fn compares_every_byte() {
        assert!(same("", ""));
        assert!(same("OofStatus", "OofStatus"));
        assert!(!same("OofStatus", "OofStatuS"));
        assert!(!same("OofStatus", "OofStatu"));
        let long = "http://schemas.microsoft.com/exchange/services/2006/messages";
        assert!(same(long, &long.to_owned()));
        assert!(!same(long, &long.replace("2006", "2007")));
    }
}
