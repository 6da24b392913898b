//! Trees read from git's object files as chunks of their entries (see
//! [`super`]): the [`Store`] finds an object in the pack files or loose,
//! follows a pack's delta chain, applies each delta by taking its base's
//! chunks for the ranges it copies, and cuts what it inserts into chunks,
//! each chunk kept once.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::Id;

/// A tree as the chunks of its entries, with where each chunk ends.
#[derive(Default)]
pub(super) struct Tree {
    pub(super) chunks: Vec<u32>,
    ends: Vec<usize>,
}

impl Tree {
    fn push(&mut self, chunk: u32, len: usize) {
        self.ends.push(self.ends.last().copied().unwrap_or(0) + len);
        self.chunks.push(chunk);
    }
}

/// A run of a tree's entries, cut after an entry whose id says so: the
/// last run of a tree may end without such an entry (it is not closed).
pub(super) struct Chunk {
    pub(super) bytes: Arc<[u8]>,
}

impl Chunk {
    fn closed(&self) -> bool {
        ends_chunk(&self.bytes[self.bytes.len() - 20..])
    }
}

/// An entry ends a chunk when the second byte of its id is a multiple of 32:
/// about one entry in 32, and the same entries whatever surrounds them.
fn ends_chunk(id: &[u8]) -> bool {
    id[1].is_multiple_of(32)
}

/// A piece of a tree's bytes being put together: a whole chunk, or bytes.
enum Piece {
    Chunk(u32),
    Bytes(std::ops::Range<usize>),
}

struct Pack {
    index: gix_pack::index::File,
    data: gix_pack::data::File,
}

enum Place {
    Packed(usize, u64),
    Loose(PathBuf),
}

pub(super) struct Store {
    objects: PathBuf,
    packs: Vec<Pack>,
    inflate: gix_zlib::Inflate,
    pub(super) chunks: Vec<Chunk>,
    interned: FxHashMap<Arc<[u8]>, u32>,
    at_offset: FxHashMap<(usize, u64), Arc<Tree>>,
    by_id: FxHashMap<Id, Arc<Tree>>,
}

impl Store {
    pub(super) fn open(objects: &Path) -> Option<Store> {
        let mut packs = Vec::new();
        let dir = objects.join("pack");
        let mut names: Vec<PathBuf> = match std::fs::read_dir(&dir) {
            Ok(entries) => entries.filter_map(|e| Some(e.ok()?.path())).collect(),
            Err(_) => Vec::new(),
        };
        names.sort();
        for idx in names.iter().filter(|p| p.extension().is_some_and(|x| x == "idx")) {
            let kind = gix_hash::Kind::Sha1;
            let index = gix_pack::index::File::at(idx, kind).ok()?;
            let data = gix_pack::data::File::at(idx.with_extension("pack"), kind).ok()?;
            packs.push(Pack { index, data });
        }
        Some(Store {
            objects: objects.to_path_buf(),
            packs,
            inflate: gix_zlib::Inflate::default(),
            chunks: Vec::new(),
            interned: FxHashMap::default(),
            at_offset: FxHashMap::default(),
            by_id: FxHashMap::default(),
        })
    }

    fn locate(&self, id: &Id) -> Option<Place> {
        let oid = gix_hash::oid::from_bytes_unchecked(id);
        for (n, pack) in self.packs.iter().enumerate() {
            if let Some(i) = pack.index.lookup(oid) {
                return Some(Place::Packed(n, pack.index.pack_offset_at_index(i)));
            }
        }
        let hex = oid.to_hex().to_string();
        let path = self.objects.join(&hex[..2]).join(&hex[2..]);
        path.exists().then_some(Place::Loose(path))
    }

    pub(super) fn tree(&mut self, id: &Id) -> Option<Arc<Tree>> {
        if let Some(t) = self.by_id.get(id) {
            return Some(Arc::clone(t));
        }
        let tree = match self.locate(id)? {
            Place::Packed(pack, offset) => self.tree_at(pack, offset)?,
            Place::Loose(path) => {
                let mut bytes = Vec::new();
                flate2::read::ZlibDecoder::new(std::fs::File::open(path).ok()?).read_to_end(&mut bytes).ok()?;
                let body = bytes.strip_prefix(b"tree ")?;
                let nul = body.iter().position(|&b| b == 0)?;
                let body = body[nul + 1..].to_vec();
                let len = body.len();
                Arc::new(self.assemble(&[Piece::Bytes(0..len)], &body)?)
            }
        };
        self.by_id.insert(*id, Arc::clone(&tree));
        Some(tree)
    }

    /// The tree stored at `offset` in pack `pack`, made from its delta
    /// chain: the chain is followed down to a tree already made or stored
    /// whole, then each delta is applied on the way back.
    fn tree_at(&mut self, pack: usize, offset: u64) -> Option<Arc<Tree>> {
        let mut chain = Vec::new();
        let (p, mut at) = (pack, offset);
        let mut base = loop {
            if let Some(t) = self.at_offset.get(&(p, at)) {
                break Arc::clone(t);
            }
            let entry = self.packs[p].data.entry(at).ok()?;
            match entry.header {
                gix_pack::data::entry::Header::Tree => {
                    let body = self.inflated(p, &entry)?;
                    let tree = Arc::new(self.assemble(&[Piece::Bytes(0..body.len())], &body)?);
                    self.at_offset.insert((p, at), Arc::clone(&tree));
                    break tree;
                }
                gix_pack::data::entry::Header::OfsDelta { base_distance } => {
                    chain.push((p, at, entry.clone()));
                    at = entry.checked_base_pack_offset(base_distance)?;
                }
                gix_pack::data::entry::Header::RefDelta { base_id } => {
                    chain.push((p, at, entry.clone()));
                    let base_id: Id = base_id.as_bytes().try_into().ok()?;
                    break self.tree(&base_id)?;
                }
                _ => return None,
            }
        };
        while let Some((p, at, entry)) = chain.pop() {
            let delta = self.inflated(p, &entry)?;
            let tree = Arc::new(self.apply(&base, &delta)?);
            self.at_offset.insert((p, at), Arc::clone(&tree));
            base = tree;
        }
        Some(base)
    }

    fn inflated(&mut self, pack: usize, entry: &gix_pack::data::Entry) -> Option<Vec<u8>> {
        let mut out = vec![0u8; usize::try_from(entry.decompressed_size).ok()?];
        self.packs[pack].data.decompress_entry(entry, &mut self.inflate, &mut out).ok()?;
        Some(out)
    }

    /// The tree a git delta makes from `base`.
    fn apply(&mut self, base: &Tree, delta: &[u8]) -> Option<Tree> {
        let mut i = 0;
        let varint = |i: &mut usize| -> Option<usize> {
            let (mut value, mut shift) = (0usize, 0);
            loop {
                let b = *delta.get(*i)?;
                *i += 1;
                value |= usize::from(b & 0x7f).checked_shl(shift)?;
                shift += 7;
                if b & 0x80 == 0 {
                    return Some(value);
                }
            }
        };
        let _base_len = varint(&mut i)?;
        let _len = varint(&mut i)?;
        let mut pieces = Vec::new();
        let mut bytes = Vec::new();
        // Git writes a long copy as several of at most 64 KiB: they are
        // joined, or each seam would cut a chunk to be read again.
        let mut copying: Option<std::ops::Range<usize>> = None;
        while i < delta.len() {
            let op = delta[i];
            i += 1;
            if op & 0x80 != 0 {
                let mut field = |bits: std::ops::Range<u8>, first: u8| -> Option<usize> {
                    let mut v = 0usize;
                    for k in bits {
                        if op & (first << k) != 0 {
                            v |= usize::from(*delta.get(i)?) << (8 * k);
                            i += 1;
                        }
                    }
                    Some(v)
                };
                let from = field(0..4, 1)?;
                let len = match field(0..3, 0x10)? {
                    0 => 0x10000,
                    n => n,
                };
                match &mut copying {
                    Some(range) if range.end == from => range.end += len,
                    _ => {
                        if let Some(range) = copying.replace(from..from + len) {
                            self.copy(base, range, &mut pieces, &mut bytes)?;
                        }
                    }
                }
            } else if op != 0 {
                if let Some(range) = copying.take() {
                    self.copy(base, range, &mut pieces, &mut bytes)?;
                }
                let data = delta.get(i..i + usize::from(op))?;
                i += usize::from(op);
                bytes.extend_from_slice(data);
                pieces.push(Piece::Bytes(bytes.len() - data.len()..bytes.len()));
            } else {
                return None;
            }
        }
        if let Some(range) = copying.take() {
            self.copy(base, range, &mut pieces, &mut bytes)?;
        }
        self.assemble(&pieces, &bytes)
    }

    /// The pieces for bytes `from..to` of `base`: its chunks that lie wholly
    /// inside, and the bytes of those cut by either end.
    fn copy(
        &self,
        base: &Tree,
        range: std::ops::Range<usize>,
        pieces: &mut Vec<Piece>,
        bytes: &mut Vec<u8>,
    ) -> Option<()> {
        let (from, to) = (range.start, range.end);
        let mut k = base.ends.partition_point(|&end| end <= from);
        while from < to && k < base.chunks.len() {
            let start = if k == 0 { 0 } else { base.ends[k - 1] };
            let end = base.ends[k];
            if start >= to {
                break;
            }
            let (a, b) = (from.max(start), to.min(end));
            if a == start && b == end {
                pieces.push(Piece::Chunk(base.chunks[k]));
            } else {
                let chunk = &self.chunks[base.chunks[k] as usize].bytes;
                bytes.extend_from_slice(&chunk[a - start..b - start]);
                pieces.push(Piece::Bytes(bytes.len() - (b - a)..bytes.len()));
            }
            k += 1;
        }
        (to <= base.ends.last().copied().unwrap_or(0)).then_some(())
    }

    /// Cuts the tree whose bytes are `pieces` into chunks, reading entries
    /// one by one except where a whole chunk starts where a chunk would
    /// start anyway: the result is what cutting all its entries would give.
    fn assemble(&mut self, pieces: &[Piece], bytes: &[u8]) -> Option<Tree> {
        let mut tree = Tree::default();
        let mut current: Vec<u8> = Vec::with_capacity(4096);
        let (mut piece, mut at) = (0usize, 0usize);
        loop {
            // Past the ends of pieces already read.
            while let Some(p) = pieces.get(piece) {
                let len = match p {
                    Piece::Chunk(c) => self.chunks[*c as usize].bytes.len(),
                    Piece::Bytes(r) => r.len(),
                };
                if at < len {
                    break;
                }
                piece += 1;
                at = 0;
            }
            let Some(p) = pieces.get(piece) else { break };
            if let (Piece::Chunk(c), true, 0) = (p, current.is_empty(), at) {
                let chunk = &self.chunks[*c as usize];
                if chunk.closed() || piece + 1 == pieces.len() {
                    tree.push(*c, chunk.bytes.len());
                    piece += 1;
                    continue;
                }
            }
            if current.is_empty() {
                let held: Arc<[u8]>;
                let data: &[u8] = match p {
                    Piece::Chunk(c) => {
                        held = Arc::clone(&self.chunks[*c as usize].bytes);
                        &held
                    }
                    Piece::Bytes(range) => &bytes[range.clone()],
                };
                at = self.cut_entries(data, at, &mut tree, &mut current);
                if at == data.len() {
                    continue;
                }
            }
            self.read_entry(pieces, bytes, (&mut piece, &mut at), &mut current)?;
            if ends_chunk(&current[current.len() - 20..]) {
                let c = self.intern(&current);
                tree.push(c, current.len());
                current.clear();
            }
        }
        if !current.is_empty() {
            let c = self.intern(&current);
            tree.push(c, current.len());
        }
        Some(tree)
    }

    /// The entries wholly inside `data` from `at`, cut into chunks of `tree`
    /// where they lie; what follows the last cut is put in `current`.
    /// Returns where those entries end.
    fn cut_entries(&mut self, data: &[u8], at: usize, tree: &mut Tree, current: &mut Vec<u8>) -> usize {
        let (mut start, mut end) = (at, at);
        while let Some(nul) = data[end..].iter().position(|&b| b == 0) {
            let next = end + nul + 21;
            if next > data.len() {
                break;
            }
            end = next;
            if ends_chunk(&data[end - 20..end]) {
                let c = self.intern(&data[start..end]);
                tree.push(c, end - start);
                start = end;
            }
        }
        current.extend_from_slice(&data[start..end]);
        end
    }

    /// One entry, `mode name\0` and the 20-byte id, read into `current` from
    /// piece `piece` at byte `at`, perhaps across pieces (both are moved past
    /// it); `None` when the pieces end first.
    fn read_entry(
        &self,
        pieces: &[Piece],
        bytes: &[u8],
        (piece, at): (&mut usize, &mut usize),
        current: &mut Vec<u8>,
    ) -> Option<()> {
        let mut nul_seen = false;
        let mut id_left = 20;
        while id_left > 0 {
            let data: &[u8] = match pieces.get(*piece)? {
                Piece::Chunk(c) => &self.chunks[*c as usize].bytes,
                Piece::Bytes(range) => &bytes[range.clone()],
            };
            while *at < data.len() && id_left > 0 {
                if nul_seen {
                    let take = id_left.min(data.len() - *at);
                    current.extend_from_slice(&data[*at..*at + take]);
                    *at += take;
                    id_left -= take;
                } else {
                    let rest = &data[*at..];
                    match rest.iter().position(|&b| b == 0) {
                        Some(n) => {
                            current.extend_from_slice(&rest[..=n]);
                            *at += n + 1;
                            nul_seen = true;
                        }
                        None => {
                            current.extend_from_slice(rest);
                            *at = data.len();
                        }
                    }
                }
            }
            if id_left > 0 {
                *piece += 1;
                *at = 0;
            }
        }
        Some(())
    }

    fn intern(&mut self, bytes: &[u8]) -> u32 {
        if let Some(&c) = self.interned.get(bytes) {
            return c;
        }
        let bytes: Arc<[u8]> = bytes.into();
        let c = self.chunks.len() as u32;
        self.chunks.push(Chunk { bytes: Arc::clone(&bytes) });
        self.interned.insert(bytes, c);
        c
    }
}
