//! `casebook check`: every validation of a build, without writing a site,
//! plus checks only a pull request needs (customer data in [`pii`]).

pub mod pii;
