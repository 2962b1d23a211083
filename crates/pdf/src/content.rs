//! Content streams run just far enough to know where each piece of text is drawn:
//! the text and graphics state operators, text showing, form XObjects; images counted.

use crate::fonts::{Font, Glyph};
use crate::objects::Objects;
use lopdf::content::Content;
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// Form XObjects nested deeper than this are not drawn.
const MAX_FORM_DEPTH: usize = 8;
/// Operators run per document at most.
pub const MAX_OPERATIONS: usize = 20_000_000;

/// A piece of text drawn without a gap, on one baseline, in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// The text.
    pub text: String,
    /// Left edge, in points from the page's left.
    pub x0: f32,
    /// Right edge.
    pub x1: f32,
    /// Baseline, in points from the page's top (grows downwards).
    pub y: f32,
    /// Font size as drawn, in points.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Italic face.
    pub italic: bool,
    /// Drawn in a pre-Unicode Vietnamese font: the text is legacy bytes shown as
    /// Windows-1252 characters, decoded once the run is whole.
    pub legacy: Option<banthao_core::legacy::LegacyFont>,
}

/// What a page draws.
#[derive(Debug, Default)]
pub struct Drawn {
    /// Text, in drawing order.
    pub runs: Vec<Run>,
    /// Images drawn (XObjects and inline).
    pub images: usize,
    /// Why a content stream could not be decoded, when one could not.
    pub unreadable: Option<String>,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> State {
        State {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Runs the content of pages, keeping fonts read once per document.
pub struct Painter<'a> {
    objects: &'a Objects<'a>,
    fonts: HashMap<ObjectId, Rc<Font>>,
    /// Operators run so far.
    pub operations: usize,
}

struct Canvas<'r> {
    page_top: f32,
    page_left: f32,
    out: &'r mut Drawn,
}

impl<'a> Painter<'a> {
    /// A painter over the document's objects.
    pub fn new(objects: &'a Objects<'a>) -> Painter<'a> {
        Painter { objects, fonts: HashMap::new(), operations: 0 }
    }

    /// The text and images of one page. A stream that cannot be decoded draws nothing.
    pub fn page(
        &mut self,
        page: &'a Dictionary,
        resources: Option<&'a Dictionary>,
        media: [f32; 4],
    ) -> Drawn {
        let mut out = Drawn::default();
        let mut data = Vec::new();
        let contents: Vec<&Object> = match page.get(b"Contents") {
            Ok(o) => match self.objects.deref(o) {
                Some(Object::Array(a)) => a.iter().collect(),
                Some(_) => vec![o],
                None => Vec::new(),
            },
            Err(_) => Vec::new(),
        };
        for c in contents {
            match self.objects.decode(c) {
                Ok(bytes) if data.len() + bytes.len() <= crate::objects::MAX_STREAM => {
                    data.extend_from_slice(&bytes);
                    data.push(b'\n');
                }
                Ok(_) => out.unreadable = Some("nội dung trang quá lớn".into()),
                Err(why) => out.unreadable = Some(why),
            }
        }
        let mut canvas = Canvas { page_top: media[3], page_left: media[0], out: &mut out };
        let mut stack = Vec::new();
        self.run(&data, resources, State::default(), &mut canvas, 0, &mut stack);
        out
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = resources.and_then(|r| self.objects.dict(r, b"Font"))?;
        let entry = fonts.get(name).ok()?;
        let id = match entry {
            Object::Reference(id) => Some(*id),
            _ => None,
        };
        if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
            return Some(f.clone());
        }
        let font = Rc::new(Font::read(self.objects.as_dict(entry)?, self.objects));
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Some(font)
    }

    fn run(
        &mut self,
        data: &[u8],
        resources: Option<&'a Dictionary>,
        mut gs: State,
        canvas: &mut Canvas<'_>,
        depth: usize,
        forms: &mut Vec<ObjectId>,
    ) {
        let Ok(content) = Content::decode(data) else { return };
        let mut saved: Vec<State> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for op in &content.operations {
            self.operations += 1;
            if self.operations > MAX_OPERATIONS {
                return;
            }
            let nums: Vec<f32> = op.operands.iter().filter_map(|o| self.objects.number(o)).collect();
            let n = |k: usize| nums.get(k).copied().unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if saved.len() < 256 => saved.push(gs.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                "cm" if nums.len() == 6 => gs.ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &gs.ctm),
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tf" => {
                    gs.size = n(0);
                    gs.font = op.operands.first().and_then(|o| match o {
                        Object::Name(name) => self.font(resources, name),
                        _ => None,
                    });
                }
                "Tc" => gs.char_spacing = n(0),
                "Tw" => gs.word_spacing = n(0),
                "Tz" => gs.scale = n(0) / 100.0,
                "TL" => gs.leading = n(0),
                "Ts" => gs.rise = n(0),
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        gs.leading = -n(1);
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                "Tm" if nums.len() == 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                "Tj" | "'" | "\"" | "TJ" => {
                    if op.operator != "Tj" && op.operator != "TJ" {
                        if op.operator == "\"" {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    for operand in &op.operands {
                        match operand {
                            Object::String(bytes, _) => self.show(bytes, &gs, &mut tm, canvas),
                            Object::Array(items) => {
                                for item in items {
                                    match item {
                                        Object::String(bytes, _) => self.show(bytes, &gs, &mut tm, canvas),
                                        o => {
                                            if let Some(adj) = self.objects.number(o) {
                                                let tx = -adj / 1000.0 * gs.size * gs.scale;
                                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                            }
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                "Do" => {
                    let Some(Object::Name(name)) = op.operands.first() else { continue };
                    let Some(xobjects) = resources.and_then(|r| self.objects.dict(r, b"XObject")) else {
                        continue;
                    };
                    let Ok(entry) = xobjects.get(name) else { continue };
                    let Some(Object::Stream(stream)) = self.objects.deref(entry) else { continue };
                    match self.objects.name(&stream.dict, b"Subtype").as_deref() {
                        Some(b"Image") => canvas.out.images += 1,
                        Some(b"Form") if depth < MAX_FORM_DEPTH => {
                            let id = match entry {
                                Object::Reference(id) => *id,
                                _ => (0, 0),
                            };
                            if forms.contains(&id) {
                                continue;
                            }
                            let Ok(bytes) = self.objects.decode(entry) else { continue };
                            let matrix = self
                                .objects
                                .array(&stream.dict, b"Matrix")
                                .map(|a| a.iter().filter_map(|o| self.objects.number(o)).collect::<Vec<_>>())
                                .filter(|v| v.len() == 6)
                                .map_or(IDENTITY, |v| [v[0], v[1], v[2], v[3], v[4], v[5]]);
                            let mut inner = gs.clone();
                            inner.ctm = mul(&matrix, &gs.ctm);
                            let res = self.objects.dict(&stream.dict, b"Resources").or(resources);
                            forms.push(id);
                            self.run(&bytes, res, inner, canvas, depth + 1, forms);
                            forms.pop();
                        }
                        _ => {}
                    }
                }
                "BI" => canvas.out.images += 1,
                _ => {}
            }
        }
    }

    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut Matrix, canvas: &mut Canvas<'_>) {
        let Some(font) = gs.font.clone() else { return };
        let glyphs = font.glyphs(bytes);
        for Glyph { text, width, is_space_code } in glyphs {
            let m = mul(tm, &gs.ctm);
            let size = gs.size * (m[2] * m[2] + m[3] * m[3]).sqrt();
            let spacing = gs.char_spacing + if is_space_code { gs.word_spacing } else { 0.0 };
            let tx = (width / 1000.0 * gs.size + spacing) * gs.scale;
            let x0 = m[4] + gs.rise * m[2];
            let y = m[5] + gs.rise * m[3];
            *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
            let x1 = x0 + (width / 1000.0 * gs.size * gs.scale) * m[0];
            if text.is_empty() || !(x0.is_finite() && y.is_finite() && size.is_finite()) {
                continue;
            }
            let run = Run {
                text,
                x0: x0 - canvas.page_left,
                x1: x1 - canvas.page_left,
                y: canvas.page_top - y,
                size: size.abs(),
                bold: font.bold,
                italic: font.italic,
                legacy: font.legacy,
            };
            push_run(&mut canvas.out.runs, run);
        }
    }
}

/// Appends a glyph's run, merging it into the previous run when it follows it
/// closely on the same baseline in the same face.
fn push_run(runs: &mut Vec<Run>, g: Run) {
    if let Some(last) = runs.last_mut() {
        let tol = 0.1 * last.size.max(1.0);
        if (last.y - g.y).abs() < 0.05 * last.size.max(1.0)
            && (last.size - g.size).abs() < 0.05 * last.size.max(1.0)
            && last.bold == g.bold
            && last.italic == g.italic
            && last.legacy == g.legacy
            && (g.x0 - last.x1).abs() < tol
        {
            last.text.push_str(&g.text);
            last.x1 = g.x1.max(last.x1);
            return;
        }
    }
    runs.push(g);
}
