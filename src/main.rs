//! The `certlex` command: parse arguments, run the subcommand, exit with its code.

fn main() -> std::process::ExitCode {
    certlex::cli::main()
}
