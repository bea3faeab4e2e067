//! The `fora` command line: parse, run, exit.

// Week files of a season hold hundreds of thousands of small strings: mimalloc allocates and
// frees them at a fraction of the system allocator's cost (see BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(fora::run::main(std::env::args_os()));
}
