//! Fields named like the module of their type, and like the struct's helpers.
use palisade::Builder;

mod config {
    #[derive(Debug, Default)]
    pub struct Config;
}

mod value {
    pub type Value = u8;
}

#[derive(Debug, Builder)]
pub struct App {
    config: config::Config,
    value: value::Value,
    #[builder(default)]
    builder: u8,
}

fn main() {
    let app = App::builder().config(config::Config).value(1).build();
    let _ = (app.config, app.value, app.builder);
}
