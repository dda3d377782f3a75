//! Tests of the expansions as plain functions over token streams: the malformed-input
//! corpus and the expansion snapshots.

mod corpus;
mod snapshots;
