//! The OLE compound file: the `WordDocument` stream and the table stream, read with a
//! size cap.

use crate::error::DocError;
use std::io::{Cursor, Read};

/// Largest stream read: a .doc is at most 50 MB.
const MAX_STREAM: u64 = 64 * 1024 * 1024;

/// The streams a .doc is read from.
pub(crate) struct Streams {
    /// `WordDocument`: the FIB and the text.
    pub word: Vec<u8>,
    /// `0Table` or `1Table`, as the FIB says.
    pub table: Vec<u8>,
}

fn read_stream(
    file: &mut cfb::CompoundFile<Cursor<&[u8]>>,
    name: &'static str,
) -> Result<Option<Vec<u8>>, DocError> {
    let path = format!("/{name}");
    if !file.is_stream(&path) {
        return Ok(None);
    }
    let stream = file.open_stream(&path).map_err(|_| DocError::NotCompound)?;
    let mut buf = Vec::new();
    stream.take(MAX_STREAM + 1).read_to_end(&mut buf).map_err(|_| DocError::NotCompound)?;
    if buf.len() as u64 > MAX_STREAM {
        return Err(DocError::TooLarge(name));
    }
    Ok(Some(buf))
}

/// Opens the compound file and reads `WordDocument` and the table stream that
/// `which_table` (the FIB's `fWhichTblStm`, read from the `WordDocument` bytes by
/// `which_table`) names.
pub(crate) fn read_streams(
    bytes: &[u8],
    which_table: impl FnOnce(&[u8]) -> Result<bool, DocError>,
) -> Result<Streams, DocError> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| DocError::NotCompound)?;
    let word = read_stream(&mut file, "WordDocument")?.ok_or(DocError::NoWordDocument)?;
    let name = if which_table(&word)? { "1Table" } else { "0Table" };
    let table = read_stream(&mut file, name)?.ok_or(DocError::NoTable(name))?;
    Ok(Streams { word, table })
}
