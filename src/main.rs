//! The `fora` command line: parse, run, exit.

fn main() {
    std::process::exit(fora::run::main(std::env::args_os()));
}
