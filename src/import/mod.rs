//! Readers of other worlds into a week: what they take, and what they leave out.

pub mod registrations;
