//! Word 97–2003 `.doc` files read into the Bản thảo document model.
#![warn(missing_docs)]
