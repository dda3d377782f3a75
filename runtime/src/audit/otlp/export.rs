//! One OTLP/HTTP export: `POST {endpoint}/v1/logs`, retried with exponential backoff
//! (or the server's `Retry-After`) while the answer is 429, 502, 503 or 504 or the
//! server cannot be reached, until the retry window closes.

// The runtime is `no_std`; auditing needs the standard library.
use std::format;
use std::prelude::rust_2021::*;

use std::time::{Duration, Instant};

/// How exports are retried.
#[derive(Debug, Clone, Copy)]
pub(super) struct Retry {
    /// The wait after the first failure; doubled after each one, up to `max_wait`.
    pub first_wait: Duration,
    /// The longest wait between two attempts.
    pub max_wait: Duration,
    /// How long after the first attempt to keep trying.
    pub window: Duration,
}

/// How an export ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Exported {
    /// The server took the batch; it may say it rejected some records.
    Accepted {
        /// Records the server reported as rejected (`partialSuccess`).
        rejected: u64,
    },
    /// Given up: why.
    Failed(String),
}

/// Sends `body`, retrying as [`Retry`] says.
/// Each attempt is counted in `requests`.
pub(super) fn export(
    agent: &ureq::Agent,
    url: &str,
    body: &[u8],
    retry: Retry,
    requests: &std::sync::atomic::AtomicU64,
) -> Exported {
    let started = Instant::now();
    let mut wait = retry.first_wait;
    loop {
        requests.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let (failure, server_wait) = match agent
            .post(url)
            .header("Content-Type", "application/json")
            .send(body)
        {
            Ok(mut response) => {
                let status = response.status().as_u16();
                if (200..300).contains(&status) {
                    let text = response.body_mut().read_to_string().unwrap_or_default();
                    return Exported::Accepted {
                        rejected: rejected(&text),
                    };
                }
                let after = response
                    .headers()
                    .get("retry-after")
                    .and_then(|value| value.to_str().ok())
                    .and_then(|value| value.trim().parse::<u64>().ok())
                    .map(Duration::from_secs);
                let text = response.body_mut().read_to_string().unwrap_or_default();
                let failure = format!("OTLP endpoint {url} answered {status}: {text:.200}");
                if !matches!(status, 429 | 502 | 503 | 504) {
                    return Exported::Failed(failure);
                }
                (failure, after)
            }
            Err(error) => (format!("OTLP endpoint {url} unreachable: {error}"), None),
        };
        let pause = server_wait.unwrap_or(wait);
        if started.elapsed() + pause > retry.window {
            return Exported::Failed(failure);
        }
        std::thread::sleep(pause);
        wait = (wait * 2).min(retry.max_wait);
    }
}

/// `partialSuccess.rejectedLogRecords` of a response body, 0 when absent.
fn rejected(body: &str) -> u64 {
    let Ok(value) = serde_json::from_str::<serde_json::Value>(body) else {
        return 0;
    };
    let count = &value["partialSuccess"]["rejectedLogRecords"];
    count
        .as_u64()
        .or_else(|| count.as_str().and_then(|text| text.parse().ok()))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_success_counts_rejected_records_in_either_spelling() {
        assert_eq!(rejected(""), 0);
        assert_eq!(rejected("{}"), 0);
        assert_eq!(
            rejected(r#"{"partialSuccess":{"rejectedLogRecords":"3"}}"#),
            3
        );
        assert_eq!(
            rejected(r#"{"partialSuccess":{"rejectedLogRecords":4}}"#),
            4
        );
    }
}
