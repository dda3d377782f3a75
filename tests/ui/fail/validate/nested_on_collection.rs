use palisade::Validate;

#[derive(Validate)]
struct Server {
    #[validate(range(1..))]
    port: u16,
}

#[derive(Validate)]
struct Cluster {
    #[validate(nested)]
    servers: Vec<Server>,
}

fn main() {}
