//! Typed arena indices: a `TypeId` can never be used to index elements.

macro_rules! arena_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(u32);

        impl $name {
            pub(crate) fn new(index: usize) -> Self {
                // Schemas with 4 billion declarations do not fit in memory
                // long before this conversion could truncate.
                Self(index as u32)
            }

            pub fn index(self) -> usize {
                self.0 as usize
            }
        }
    };
}

arena_id!(
    /// Index of a [`super::TypeDef`] in [`super::Model::types`].
    TypeId
);
arena_id!(
    /// Index of a global [`super::ElementDecl`] in [`super::Model::elements`].
    ElementId
);
