//! The README's walkthrough, run as written: every `$ fora …` line of its `console` blocks
//! is run in one fresh folder, one after the other, and must print exactly what the README
//! shows beneath it (standard output and error as a terminal shows them, in order). So the
//! walkthrough cannot drift from what `fora` does, and its examples are tests.

use std::path::Path;
use std::process::Command;

/// The walkthrough: between these two lines of the README.
const BEGIN: &str = "<!-- walkthrough: begin -->";
const END: &str = "<!-- walkthrough: end -->";

/// One command of the walkthrough and what it prints.
struct Step {
    line: usize,
    command: String,
    expected: String,
}

fn steps(readme: &str) -> Vec<Step> {
    let start = readme.find(BEGIN).expect("the README has a walkthrough");
    let end = readme.find(END).expect("the walkthrough ends");
    let first_line = readme[..start].lines().count();
    let mut steps: Vec<Step> = Vec::new();
    let mut in_console = false;
    for (n, line) in readme[start..end].lines().enumerate() {
        match line {
            "```console" => in_console = true,
            "```" if in_console => in_console = false,
            _ if !in_console => {}
            _ => match line.strip_prefix("$ ") {
                Some(command) => steps.push(Step {
                    line: first_line + n,
                    command: command.to_owned(),
                    expected: String::new(),
                }),
                None => {
                    let step = steps.last_mut().expect("output follows a command");
                    step.expected.push_str(line);
                    step.expected.push('\n');
                }
            },
        }
    }
    steps
}

#[test]
fn the_walkthrough_prints_what_the_readme_says() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let steps = steps(&readme);
    assert!(steps.len() >= 20, "the walkthrough has its commands");
    let folder = tempfile::tempdir().unwrap();
    let binary = Path::new(env!("CARGO_BIN_EXE_fora"));
    let path = format!(
        "{}:{}",
        binary.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for step in &steps {
        let output = Command::new("sh")
            .arg("-c")
            .arg(format!("{} 2>&1", step.command))
            .current_dir(folder.path())
            .env("PATH", &path)
            .env("SOURCE_DATE_EPOCH", "1592900000")
            .env("COLUMNS", "100")
            .env("NO_COLOR", "1")
            .env_remove("LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        // A terminal shows a calendar's CRLF lines as any others.
        let printed = String::from_utf8_lossy(&output.stdout).replace("\r\n", "\n");
        assert_eq!(
            printed, step.expected,
            "README.md line {}: `{}` prints otherwise",
            step.line, step.command
        );
    }
}
