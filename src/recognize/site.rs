//! Web sites written as URLs or domain names: `QuebecTorrent.com`,
//! `https://www.hadopi.fr/actualites`.
//!
//! The tokenizer already keeps URLs and domains whole and checks domains
//! against the public suffix list; this stage turns those tokens into `SITE`
//! spans with the registrable domain (`www.Hadopi.fr` → `hadopi.fr`). Named
//! sites without a domain (`Megaupload`, `T411`) are the tagger's job.
//! E-mail addresses, file names (`rapport.pdf`, `video.mov`) and words glued
//! by a full stop (`vacances.La`) are not sites.

use std::ops::Range;

use crate::text::{registrable_domain, Token, TokenKind};

/// A web site with the domain the text gives for it.
///
/// ```
/// let doc = quidam::Pipeline::default().annotate("Rendez-vous sur www.Hadopi.fr/faq.");
/// assert_eq!(doc.mentions()[0].text(), "www.Hadopi.fr/faq");
/// assert_eq!(doc.mentions()[0].site().unwrap().domain.as_deref(), Some("hadopi.fr"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Site {
    /// The registrable domain in lower case (`what.cd`, `bbc.co.uk`), or
    /// `None` when the text names the site without one (`Megaupload`) or the
    /// URL's host has no known public suffix.
    pub domain: Option<String>,
}

/// A site found in a token sequence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SiteMatch {
    /// Token indices of the span.
    pub tokens: Range<usize>,
    /// The normalised site.
    pub site: Site,
}

/// Appends the URLs and domains among `tokens` to `out`, in text order.
pub(crate) fn find_sites(tokens: &[Token<'_>], out: &mut Vec<SiteMatch>) {
    for (i, token) in tokens.iter().enumerate() {
        let domain = match token.kind {
            TokenKind::Domain => registrable_domain(token.text),
            TokenKind::Url => registrable_domain(url_host(token.text)),
            _ => continue,
        };
        out.push(SiteMatch {
            tokens: i..i + 1,
            site: Site { domain },
        });
    }
}

/// The host part of a URL: no scheme, user, port, path, query or fragment.
pub(crate) fn url_host(url: &str) -> &str {
    let rest = url.find("://").map_or(url, |i| &url[i + 3..]);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    host.split(':').next().unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_hosts() {
        struct Case {
            url: &'static str,
            host: &'static str,
        }
        let cases = [
            Case {
                url: "https://www.hadopi.fr/faq?x=1",
                host: "www.hadopi.fr",
            },
            Case {
                url: "http://user:pw@example.com:8080/",
                host: "example.com",
            },
            Case {
                url: "www.what.cd",
                host: "www.what.cd",
            },
            Case {
                url: "ftp://ftp.free.fr#top",
                host: "ftp.free.fr",
            },
        ];
        for case in cases {
            assert_eq!(url_host(case.url), case.host, "{}", case.url);
        }
    }
}
