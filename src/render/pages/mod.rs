//! One file per kind of page. Each adds methods to
//! [`Renderer`](super::Renderer): `x()` gives the page, kept from the last
//! build while its key is unchanged ([`super::memo`]), and `x_now()` makes it.

pub(crate) mod aliases;
mod article;
mod authors;
mod browse;
mod candidates;
mod featured;
mod feeds;
mod home;
mod lists;
mod not_found;
mod search;
mod series;
