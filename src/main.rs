//! The `certlex` command: parse arguments, run the subcommand, exit with its code.

/// mimalloc: reading a certificate's facts makes many small allocations, and
/// the system allocator was a third of the time of a large `check`. Built
/// with `no_thp`: otherwise it asks the kernel for 2 MB transparent huge
/// pages, and `check one.pem` spent a quarter of its time zeroing them and
/// held 31 MB instead of 17.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // The built-in rules and register, read and checked when the binary was built (build.rs).
    certlex::compiled::install(certlex::compiled::Built {
        rules: include_bytes!(concat!(env!("OUT_DIR"), "/rules.postcard")),
        register: include_bytes!(concat!(env!("OUT_DIR"), "/register.postcard")),
    });
    certlex::cli::main()
}
