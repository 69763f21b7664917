//! Domain names: syntax, public suffix and registrable domain.

/// File extensions that are also top-level domains, or that look like one
/// (`rapport.zip`, `video.mov`): a name ending in one is taken for a file.
const FILE_EXTENSIONS: &[&str] = &[
    "avi", "bmp", "csv", "doc", "docx", "exe", "gif", "gz", "htm", "html", "jpeg", "jpg", "js",
    "json", "mkv", "mov", "mp3", "mp4", "odt", "pdf", "php", "png", "ppt", "pptx", "rar", "svg",
    "tar", "tif", "tiff", "txt", "wav", "webp", "xls", "xlsx", "xml", "zip",
];

/// Whether `s` is a host name whose public suffix is known and written in
/// lower case (`What.cd`, `allofmp3.com`), and not a file name or two words
/// glued by a full stop (`Pyrénées.Alors`, `vacances.La`).
pub(crate) fn is_domain(s: &str) -> bool {
    if s.len() > 253 || !s.contains('.') {
        return false;
    }
    let mut labels = s.split('.');
    let tld = labels.next_back().unwrap_or("");
    let tld_ok = tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_lowercase())
        && !FILE_EXTENSIONS.contains(&tld);
    tld_ok
        && s.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && registrable_domain(s).is_some()
}

/// The registrable domain of a host (`www.Hadopi.fr` → `hadopi.fr`), in lower
/// case, or `None` when its public suffix is unknown or nothing precedes it.
pub(crate) fn registrable_domain(host: &str) -> Option<String> {
    let host = host.trim_end_matches('.').to_lowercase();
    let domain = psl::domain(host.as_bytes())?;
    if !domain.suffix().is_known() {
        return None;
    }
    std::str::from_utf8(domain.as_bytes())
        .ok()
        .map(str::to_owned)
}
