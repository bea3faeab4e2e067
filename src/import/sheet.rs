//! Organisers' spreadsheets: CSV as Excel and LibreOffice save it, XLSX and ODS.

use super::{ImportError, Options, Programme, Source};

/// Reads a spreadsheet.
pub(super) fn read(
    source: Source,
    _bytes: &[u8],
    _options: &Options,
) -> Result<Programme, ImportError> {
    Err(ImportError::Syntax {
        source,
        message: "not yet read".into(),
    })
}
