//! Reading lopdf's objects safely: references followed a bounded number of times,
//! streams decoded with a size limit, wrong types treated as absent.

use lopdf::{Dictionary, Document, Object};

/// Most bytes one stream may decode to (content streams of a page, fonts' maps).
pub const MAX_STREAM: usize = 32 * 1024 * 1024;
/// References followed in a row before giving up (a reference loop).
const MAX_HOPS: usize = 32;

/// The objects of a loaded document.
pub struct Objects<'a> {
    /// The document.
    pub doc: &'a Document,
}

impl<'a> Objects<'a> {
    /// `o`, with references followed.
    pub fn deref(&self, mut o: &'a Object) -> Option<&'a Object> {
        for _ in 0..MAX_HOPS {
            match o {
                Object::Reference(id) => o = self.doc.objects.get(id)?,
                _ => return Some(o),
            }
        }
        None
    }

    /// The value of `key`, with references followed.
    pub fn get(&self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        self.deref(dict.get(key).ok()?)
    }

    /// A name value.
    pub fn name(&self, dict: &'a Dictionary, key: &[u8]) -> Option<Vec<u8>> {
        match self.get(dict, key)? {
            Object::Name(n) => Some(n.clone()),
            _ => None,
        }
    }

    /// An object as a dictionary (a stream's dictionary counts).
    pub fn as_dict(&self, o: &'a Object) -> Option<&'a Dictionary> {
        match self.deref(o)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    /// A dictionary value.
    pub fn dict(&self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        self.as_dict(dict.get(key).ok()?)
    }

    /// An array value.
    pub fn array(&self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [Object]> {
        match self.get(dict, key)? {
            Object::Array(a) => Some(a),
            _ => None,
        }
    }

    /// A stream value, decoded (at most [`MAX_STREAM`] bytes).
    pub fn stream(&self, dict: &'a Dictionary, key: &[u8]) -> Option<Vec<u8>> {
        self.decode(self.get(dict, key)?).ok()
    }

    /// A stream object's data, decoded; the error says why not.
    pub fn decode(&self, o: &'a Object) -> Result<Vec<u8>, String> {
        match self.deref(o) {
            Some(Object::Stream(s)) => s.get_plain_content_with_limit(MAX_STREAM).map_err(|e| match e {
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
                    format!("giải nén ra hơn {} MB", MAX_STREAM >> 20)
                }
                _ => "dữ liệu nén hỏng".into(),
            }),
            _ => Err("không phải luồng dữ liệu".into()),
        }
    }

    /// A number.
    pub fn number(&self, o: &'a Object) -> Option<f32> {
        match self.deref(o)? {
            Object::Integer(i) => Some(*i as f32),
            Object::Real(r) if r.is_finite() => Some(*r),
            _ => None,
        }
    }
}
