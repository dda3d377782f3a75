//! palisade in two minutes: check data you received with `#[derive(Validate)]`, make
//! types that cannot hold an invalid value with `#[validated]`, and build them with
//! `#[derive(Builder)]`, where forgetting a field does not compile.
//!
//! Run it with `cargo run --example quickstart`.

use palisade::prelude::*;

/// A port number that is valid by construction: the field is private, and the only
/// ways in (`try_new`, `set`, `TryFrom`, `valid!`) check the rule.
#[validated]
#[derive(Debug, Clone, Copy)]
pub struct Port(#[validate(range(1..=65535))] u32);

/// A listener built field by field. `#[derive(Builder)]` sits below `#[validated]`,
/// so `build()` goes through `try_new` and returns its `Result`. Leaving out `.port(..)`
/// is a compile error: "missing required field `port: Port` in `Listener::builder()`".
#[validated]
#[derive(Debug, Builder)]
#[invariant(self.backlog >= self.workers, message = "backlog must hold a connection per worker")]
pub struct Listener {
    #[validate(chars(1..=253))]
    host: String,
    port: Port,
    #[builder(default = 4)]
    #[validate(range(1..=64))]
    workers: u16,
    #[builder(default = 128)]
    backlog: u16,
    /// A TLS certificate path, if any.
    #[builder(into)]
    certificate: Option<String>,
}

/// Checked when the constant is compiled: `valid!(Port, 0)` would not build.
const HTTPS: Port = valid!(Port, 443);

/// A signup form as it arrives from a client: any value can be in it, and
/// `validate()` reports everything that is wrong at once.
#[derive(Debug, Validate)]
#[invariant(self.password != self.username, message = "password must differ from the username")]
pub struct Signup {
    #[validate(chars(3..=20), alphanumeric)]
    username: String,
    #[validate(email)]
    email: String,
    #[validate(length(12..), message = "use at least 12 characters")]
    password: String,
    #[validate(range(13..=130))]
    age: u8,
    #[validate(prefix = "https://")]
    homepage: Option<String>,
    #[validate(length(..=3), each(nested))]
    servers: Vec<Server>,
}

#[derive(Debug, Validate)]
pub struct Server {
    #[validate(length(1..=253), custom = hostname)]
    host: String,
    #[validate(nested)]
    tls: Tls,
}

/// A rule of your own: any `fn(&T) -> Result<(), ValidationError>`. (With the `regex`
/// feature, `pattern = r"[a-z0-9.-]+"` says the same.)
fn hostname(host: &str) -> Result<(), palisade::ValidationError> {
    if host
        .bytes()
        .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit() || b".-".contains(&byte))
    {
        Ok(())
    } else {
        Err(palisade::ValidationError::new(
            "hostname",
            "use lowercase letters, digits, `.` and `-`",
        ))
    }
}

#[derive(Debug, Validate)]
pub struct Tls {
    #[validate(range(1..=65535))]
    port: u32,
}

fn main() {
    println!("HTTPS port, checked at compile time: {}", HTTPS.get());

    match Port::try_new(0) {
        Ok(port) => println!("port {}", port.get()),
        Err(errors) => println!("Port::try_new(0) failed: {errors}"),
    }

    let form = Signup {
        username: "a!".into(),
        email: "not an email".into(),
        password: "hunter2".into(),
        age: 9,
        homepage: Some("example.com".into()),
        servers: vec![
            Server {
                host: "db.internal".into(),
                tls: Tls { port: 5432 },
            },
            Server {
                host: "Cache Host".into(),
                tls: Tls { port: 0 },
            },
        ],
    };

    let listener = Listener::builder()
        .host("0.0.0.0".into())
        .port(HTTPS)
        .certificate("/etc/tls/cert.pem")
        .build()
        .expect("a valid listener");
    println!(
        "built a listener on {}:{} with {} workers",
        listener.host(),
        listener.port().get(),
        listener.workers()
    );
    match Listener::builder()
        .host("db".into())
        .port(HTTPS)
        .workers(64)
        .backlog(8)
        .build()
    {
        Ok(_) => println!("unexpected: the invariant should have failed"),
        Err(errors) => println!("Listener::builder()...build() failed: {errors}"),
    }

    match form.into_valid() {
        Ok(valid) => println!("valid signup for {}", valid.username),
        Err(invalid) => {
            println!("\nThe signup form has {} problems:", invalid.errors().len());
            for error in invalid.errors() {
                println!(
                    "  {:<22} [{}] {}",
                    error.path.to_string(),
                    error.code,
                    error.message
                );
            }
            // Nothing is lost: the rejected value comes back with its errors.
            let form = invalid.into_inner();
            println!("\n(the form for {:?} was handed back)", form.username);
        }
    }
}
