//! Counting and keeping findings: the exact count of every kind, at most a set number kept
//! of each (the first in listing order), the kinds each forum takes part in, and for an
//! edit every finding of one forum. Memory grows with the fora, never with the findings.
//!
//! Pairs of overlapping fora are counted without listing them: within a group sorted by
//! start, the fora that overlap one forum and start after it are a run that ends where the
//! first one starts after it has ended, found by bisection. The pairs are listed only as far
//! as the findings kept reach.

use std::collections::BinaryHeap;

use super::Focus;
use super::finding::{Detail, Finding, KINDS, Key, Kind, KindSet};
use crate::rules;

/// A forum placed in time: its span, its place among the placed fora sorted by start (fora
/// that start together in file order), and its place in the file. Groups of rooms and
/// speakers are made of these, small and side by side, so that a large week is swept
/// without reading its fora in jumps.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Member {
    pub from: i64,
    /// Seconds from start to end: a forum lasts at most a day.
    pub length: u32,
    /// Its place among the sorted slots: the order findings list fora in.
    pub slot: u32,
    /// Its place in the week's list of fora.
    pub forum: u32,
}

impl Member {
    pub fn span(self) -> rules::Span {
        rules::Span {
            from: self.from,
            to: self.from + i64::from(self.length),
        }
    }
}

/// A finding held among the first of its kind: ordered by where it is listed.
#[derive(Debug)]
struct Held(Finding);

impl PartialEq for Held {
    fn eq(&self, other: &Self) -> bool {
        self.0.key == other.0.key
    }
}

impl Eq for Held {}

impl PartialOrd for Held {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Held {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.key.cmp(&other.0.key)
    }
}

/// What the checker has found so far.
#[derive(Debug)]
pub(super) struct Collector {
    /// How many findings of each kind are kept.
    max: usize,
    counts: [u64; KINDS],
    /// The first of each kind, the last listed on top, to be dropped when a earlier comes.
    kept: [BinaryHeap<Held>; KINDS],
    /// The kinds each forum takes part in, by its place in the file.
    marks: Vec<KindSet>,
    /// Whose findings are all kept in `focused`.
    focus: Focus,
    focused: Vec<Finding>,
}

/// What a collector gives back.
pub(super) struct Collected {
    pub counts: [u64; KINDS],
    /// The findings kept, in listing order.
    pub findings: Vec<Finding>,
    pub focused: Vec<Finding>,
    pub marks: Vec<KindSet>,
}

impl Collector {
    pub fn new(max: usize, fora: usize, focus: Focus) -> Self {
        Self {
            max,
            counts: [0; KINDS],
            kept: Default::default(),
            marks: vec![KindSet::default(); fora],
            focus,
            focused: Vec::new(),
        }
    }

    /// One finding: counted, its fora marked, kept when it is among the first.
    pub fn add(&mut self, kind: Kind, fora: Vec<usize>, detail: Detail, key: Key) {
        self.counts[kind.index()] += 1;
        for &forum in &fora {
            self.mark(kind, forum);
        }
        // Week-wide findings concern every forum, so an edit's too.
        let focused = match self.focus {
            Focus::None => false,
            Focus::Week => fora.is_empty(),
            Focus::Forum(forum) => fora.is_empty() || fora.contains(&forum),
        };
        if !focused && !self.would_keep(kind, key) {
            return;
        }
        let finding = Finding {
            kind,
            fora,
            detail,
            key,
        };
        if focused {
            self.focused.push(finding.clone());
        }
        self.keep(finding);
    }

    fn mark(&mut self, kind: Kind, forum: usize) {
        self.marks[forum] = self.marks[forum].with(kind);
    }

    /// Whether a finding of `kind` listed at `key` would be among the first kept.
    fn would_keep(&self, kind: Kind, key: Key) -> bool {
        let kept = &self.kept[kind.index()];
        kept.len() < self.max || kept.peek().is_some_and(|last| key < last.0.key)
    }

    fn keep(&mut self, finding: Finding) {
        if !self.would_keep(finding.kind, finding.key) {
            return;
        }
        let kept = &mut self.kept[finding.kind.index()];
        kept.push(Held(finding));
        if kept.len() > self.max {
            kept.pop();
        }
    }

    /// Every pair of overlapping members of `group` (sorted by start, then slot) as a
    /// finding of `kind` with `detail`; `ordinal` tells apart findings of the same pair (the
    /// speaker's number).
    pub fn overlaps(
        &mut self,
        kind: Kind,
        group: &[Member],
        ordinal: u32,
        detail: impl Fn() -> Detail,
    ) {
        let ends = runs(group, rules::overlap);
        let firsts: Vec<u32> = (1..=group.len() as u32).collect();
        self.pairs(kind, group, (&firsts, &ends), ordinal, |_, _| detail());
        if let Some(at) = self.focused_in(group) {
            let earlier = reach(group, at, 0);
            for j in earlier..at {
                if rules::overlap(group[j].span(), group[at].span()) {
                    self.focused_pair(kind, group[j], group[at], ordinal, detail());
                }
            }
            for j in at + 1..ends[at] as usize {
                self.focused_pair(kind, group[at], group[j], ordinal, detail());
            }
        }
    }

    /// Every pair of members of `group` in which the second starts less than `gap` after
    /// the first ends, as short-gap findings.
    pub fn gaps(
        &mut self,
        group: &[Member],
        gap: crate::model::Duration,
        detail: impl Fn(i64) -> Detail,
    ) {
        let kind = Kind::ShortGap;
        let overlapping = runs(group, rules::overlap);
        let close = runs(group, |a, b| {
            rules::overlap(a, b) || rules::short_gap(a, b, gap).is_some()
        });
        let between = |a: Member, b: Member| rules::short_gap(a.span(), b.span(), gap).unwrap_or(0);
        let pair_detail = |i: usize, j: usize| detail(between(group[i], group[j]));
        // The pairs of each member are those after its overlaps and before the first that
        // starts far enough after it.
        self.pairs(kind, group, (&overlapping, &close), 0, pair_detail);
        if let Some(at) = self.focused_in(group) {
            let reach = reach(group, at, i64::from(gap.minutes()) * 60);
            for j in reach..at {
                if rules::short_gap(group[j].span(), group[at].span(), gap).is_some() {
                    self.focused_pair(kind, group[j], group[at], 0, pair_detail(j, at));
                }
            }
            for j in overlapping[at] as usize..close[at] as usize {
                self.focused_pair(kind, group[at], group[j], 0, pair_detail(at, j));
            }
        }
    }

    /// Every pair of overlapping members of `group` (sorted by start, then slot) for which
    /// `shared(i, j)` is more than 0, as a finding of `kind` with `detail` of that number.
    /// The count is exact, so every overlapping pair is asked; findings are made only of
    /// those kept, and memory does not grow with them.
    pub fn shared(
        &mut self,
        kind: Kind,
        group: &[Member],
        shared: impl Fn(usize, usize) -> u64,
        detail: impl Fn(u64) -> Detail,
    ) {
        let ends = runs(group, rules::overlap);
        let focus = self.focused_in(group);
        for (i, &end) in ends.iter().enumerate() {
            for j in i + 1..end as usize {
                let count = shared(i, j);
                if count == 0 {
                    continue;
                }
                let (a, b) = (group[i], group[j]);
                self.counts[kind.index()] += 1;
                self.mark(kind, a.forum as usize);
                self.mark(kind, b.forum as usize);
                let key = pair_key(a, b, 0);
                if focus.is_some_and(|at| at == i || at == j) {
                    self.focused_pair(kind, a, b, 0, detail(count));
                }
                if self.would_keep(kind, key) {
                    self.keep(pair_finding(kind, a, b, detail(count), key));
                }
            }
        }
    }

    /// Counts, marks and keeps the pairs (i, j) of `group` for j from `firsts[i]` up to
    /// `ends[i]`: runs of members in listing order, so that the first pair beyond the last
    /// kept ends the listing.
    fn pairs(
        &mut self,
        kind: Kind,
        group: &[Member],
        (firsts, ends): (&[u32], &[u32]),
        ordinal: u32,
        detail: impl Fn(usize, usize) -> Detail,
    ) {
        let mut total = 0;
        let mut marked = vec![0i64; group.len() + 1];
        for (i, (&first, &end)) in firsts.iter().zip(ends).enumerate() {
            if end > first {
                total += u64::from(end - first);
                self.mark(kind, group[i].forum as usize);
                marked[first as usize] += 1;
                marked[end as usize] -= 1;
            }
        }
        self.counts[kind.index()] += total;
        self.mark_runs(kind, group, &marked);
        'list: for (i, (&first, &end)) in firsts.iter().zip(ends).enumerate() {
            for j in first as usize..end as usize {
                let key = pair_key(group[i], group[j], ordinal);
                if !self.would_keep(kind, key) {
                    break 'list;
                }
                self.keep(pair_finding(kind, group[i], group[j], detail(i, j), key));
            }
        }
    }

    /// Marks the members covered by the runs whose starts and ends `marked` counts.
    fn mark_runs(&mut self, kind: Kind, group: &[Member], marked: &[i64]) {
        let mut depth = 0;
        for (member, change) in group.iter().zip(marked) {
            depth += change;
            if depth > 0 {
                self.mark(kind, member.forum as usize);
            }
        }
    }

    /// Where the focused forum is in `group`, if it is.
    fn focused_in(&self, group: &[Member]) -> Option<usize> {
        let Focus::Forum(focus) = self.focus else {
            return None;
        };
        group.iter().position(|m| m.forum as usize == focus)
    }

    fn focused_pair(&mut self, kind: Kind, a: Member, b: Member, ordinal: u32, detail: Detail) {
        let key = pair_key(a, b, ordinal);
        self.focused.push(pair_finding(kind, a, b, detail, key));
    }

    pub fn finish(self) -> Collected {
        let mut findings: Vec<Finding> = Vec::new();
        for kept in self.kept {
            let mut kept: Vec<Finding> = kept.into_iter().map(|held| held.0).collect();
            kept.sort_by_key(|f| f.key);
            findings.extend(kept);
        }
        // Errors first, then by kind: the order of Kind, which lists errors first.
        findings.sort_by_key(|f| (f.severity(), f.kind));
        let mut focused = self.focused;
        focused.sort_by_key(|f| (f.severity(), f.kind, f.key));
        Collected {
            counts: self.counts,
            findings,
            focused,
            marks: self.marks,
        }
    }
}

/// For each member, where the run of later members for which `close(member, later)` holds
/// ends: `close` must hold for a prefix of the later members and not after it (as overlap
/// does for members sorted by start).
fn runs(group: &[Member], close: impl Fn(rules::Span, rules::Span) -> bool) -> Vec<u32> {
    (0..group.len())
        .map(|i| {
            let span = group[i].span();
            (i + 1 + group[i + 1..].partition_point(|m| close(span, m.span()))) as u32
        })
        .collect()
}

/// The first member of `group` that may come close to the one at `at` from before: none
/// starting a day (the longest forum) and `gap` seconds earlier.
fn reach(group: &[Member], at: usize, gap: i64) -> usize {
    let earliest = group[at].from - i64::from(crate::model::MAX_MINUTES) * 60 - gap;
    group[..at].partition_point(|m| m.from < earliest)
}

fn pair_key(a: Member, b: Member, ordinal: u32) -> Key {
    (a.from, u64::from(a.slot), u64::from(b.slot), ordinal)
}

fn pair_finding(kind: Kind, a: Member, b: Member, detail: Detail, key: Key) -> Finding {
    Finding {
        kind,
        fora: vec![a.forum as usize, b.forum as usize],
        detail,
        key,
    }
}
