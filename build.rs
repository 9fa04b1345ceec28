//! Compiles the built-in rules and register into the binary. The library's
//! own readers load `rules/` (every check, with the guards for people editing
//! the law) and `register/providers.yaml`; both are written in their compact
//! form for `src/main.rs` to hand to the library (`certlex::compiled`). A
//! rule file or register entry with an error fails the build, with the
//! reader's message.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=register");
    let out = std::env::var("OUT_DIR").unwrap_or_default();

    let loaded = certlex::load::load(&certlex::load::embedded_files());
    warn(&loaded.diags);
    let Some(rules) = loaded.rules else {
        fail("the built-in rules have errors (above); `certlex rules check rules` shows them too");
    };
    write(
        &Path::new(&out).join("rules.postcard"),
        certlex::compiled::to_bytes(&rules),
    );

    match certlex::facts::register::Register::read_builtin() {
        Ok(register) => write(
            &Path::new(&out).join("register.postcard"),
            certlex::compiled::to_bytes(&register),
        ),
        Err(diags) => {
            warn(&diags);
            fail("the built-in register has errors (above)");
        }
    }
}

fn warn(diags: &[certlex::diag::Diag]) {
    for d in diags {
        for line in certlex::diag::render(d, false).lines() {
            println!("cargo:warning={line}");
        }
    }
}

fn write(path: &Path, bytes: Result<Vec<u8>, String>) {
    let written =
        bytes.and_then(|b| std::fs::write(path, b).map_err(|e| format!("cannot write {}: {e}", path.display())));
    if let Err(e) = written {
        fail(&e);
    }
}

fn fail(why: &str) -> ! {
    println!("cargo:warning={why}");
    std::process::exit(1);
}
