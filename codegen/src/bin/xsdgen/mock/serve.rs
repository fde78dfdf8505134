//! The mock's router and its run: the canned answers behind raw
//! operations of the runtime's dispatcher, on an HTTP listener.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::net::SocketAddr;
use std::sync::Arc;

use xsdgen_runtime::server::{RawOperation, Router, serve};

use super::canned::Answer;
use super::operations::Served;

/// Every served operation, answering as `answers` says, and the WSDL at
/// `?wsdl`.
pub fn router(served: &[Served], answers: &BTreeMap<&'static str, Answer>, wsdl: String) -> Router {
    let mut router = Router::new().wsdl(wsdl);
    for s in served {
        let answer = Arc::new(answers.get(s.name).cloned().unwrap_or(Answer::Missing));
        let operation = RawOperation {
            headers: s.input_headers.clone(),
            ..RawOperation::new(s.name, s.action, s.version, s.request)
        };
        let name = s.name;
        router = router.raw_operation(operation, move |context, _request| {
            let answer = Arc::clone(&answer);
            async move { answer.reply(name, context.version()) }
        });
    }
    router
}

/// The lines printed at start: the URL, then one per operation, in
/// columns: name, version, action (`-` for none), answer.
pub fn listing(url: &str, served: &[Served], answers: &BTreeMap<&'static str, Answer>) -> String {
    let action = |s: &Served| if s.action.is_empty() { "-" } else { s.action };
    let name_width = served.iter().map(|s| s.name.len()).max().unwrap_or(0);
    let action_width = served.iter().map(|s| action(s).len()).max().unwrap_or(0);
    let mut out = format!("{url}\n");
    for s in served {
        let answer = answers
            .get(s.name)
            .map_or("no canned response", Answer::describe);
        out.push_str(&format!(
            "  {:name_width$}  {}  {:action_width$}  {answer}\n",
            s.name,
            s.version,
            action(s)
        ));
    }
    out
}

/// Binds `addr`, prints the listing (the URL with the path of the WSDL's
/// first address), and serves until Ctrl-C.
pub async fn run(
    addr: SocketAddr,
    path: &str,
    served: &[Served],
    answers: &BTreeMap<&'static str, Answer>,
    router: Router,
) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("error: cannot listen on {addr}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("error: cannot listen on {addr}: {e}"))?;
    let url = format!("http://{bound}{path}");
    let mut stdout = std::io::stdout().lock();
    // A closed stdout does not stop the mock from serving.
    let _ = stdout.write_all(listing(&url, served, answers).as_bytes());
    let _ = stdout.flush();
    drop(stdout);
    serve(listener, router.into_service(), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
    .map_err(|e| format!("error: serving on {bound}: {e}"))
}
