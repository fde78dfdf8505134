//! A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with the
//! next canned reply and counts what it received. One request per
//! connection (`Connection: close`), which is all the client tests need.
//! With [`TestServer::start_tls`] it speaks HTTPS with the certificate in
//! `tests/fixtures/tls/`.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::TcpListener;

#[derive(Clone)]
pub enum Reply {
    /// Write these bytes and close.
    Raw(Vec<u8>),
    /// Read the request, then close without answering: the request was
    /// delivered and its outcome is unknown to the client.
    Drop,
    /// Read the request and answer nothing for this long.
    Stall(Duration),
    /// A 200 `text/xml` answer with a chunked body of `total` bytes of
    /// `fill`, written `chunk` bytes at a time with `pause` between chunks,
    /// for as long as the client reads.
    Stream {
        total: u64,
        chunk: usize,
        pause: Duration,
    },
}

/// A request as received.
#[derive(Debug, Clone)]
pub struct Received {
    pub request_line: String,
    /// Lower-cased names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

#[derive(Default)]
struct Log {
    received: Mutex<Vec<Received>>,
    connections: AtomicUsize,
    body_bytes_sent: AtomicU64,
}

pub struct TestServer {
    pub url: String,
    log: Arc<Log>,
}

impl TestServer {
    /// Request `i` gets `replies[i]`, or the last reply once they run out.
    pub async fn start(replies: Vec<Reply>) -> Self {
        Self::start_on(replies, None).await
    }

    /// [`Self::start`] over TLS.
    pub async fn start_tls(replies: Vec<Reply>) -> Self {
        Self::start_on(replies, Some(super::tls::acceptor())).await
    }

    /// [`Self::start`] on a given address (one that was free a moment ago).
    pub async fn start_at(addr: std::net::SocketAddr, replies: Vec<Reply>) -> Self {
        Self::listen(TcpListener::bind(addr).await.expect("bind"), replies, None)
    }

    async fn start_on(replies: Vec<Reply>, tls: Option<tokio_rustls::TlsAcceptor>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        Self::listen(listener, replies, tls)
    }

    fn listen(
        listener: TcpListener,
        replies: Vec<Reply>,
        tls: Option<tokio_rustls::TlsAcceptor>,
    ) -> Self {
        let addr = listener.local_addr().expect("addr");
        let log = Arc::new(Log::default());
        let shared = Arc::clone(&log);
        let url = match tls {
            Some(_) => format!("https://{addr}/EWS/UM2007Legacy.asmx"),
            None => format!("http://{addr}/EWS/UM2007Legacy.asmx"),
        };
        tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                shared.connections.fetch_add(1, Ordering::SeqCst);
                let log = Arc::clone(&shared);
                let replies = replies.clone();
                let tls = tls.clone();
                tokio::spawn(async move {
                    match tls {
                        Some(acceptor) => {
                            if let Ok(stream) = acceptor.accept(stream).await {
                                serve(stream, log, replies).await;
                            }
                        }
                        None => serve(stream, log, replies).await,
                    }
                });
            }
        });
        Self { url, log }
    }

    /// Requests received in full.
    pub fn count(&self) -> usize {
        self.log.received.lock().expect("lock").len()
    }

    pub fn requests(&self) -> Vec<Received> {
        self.log.received.lock().expect("lock").clone()
    }

    /// TCP connections accepted, whether a request came on them or not.
    pub fn connections(&self) -> usize {
        self.log.connections.load(Ordering::SeqCst)
    }

    /// Body bytes of [`Reply::Stream`] answers written so far.
    pub fn body_bytes_sent(&self) -> u64 {
        self.log.body_bytes_sent.load(Ordering::SeqCst)
    }
}

/// A listener that accepts connections and never says a word: a TLS
/// handshake with it never finishes. Returns its port and the accepted
/// connection count.
pub async fn silent_listener() -> (u16, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            seen.fetch_add(1, Ordering::SeqCst);
            open.push(stream);
        }
    });
    (port, count)
}

async fn serve<S>(mut stream: S, log: Arc<Log>, replies: Vec<Reply>)
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let Some(request) = read_request(&mut stream).await else {
        return;
    };
    let index = {
        let mut received = log.received.lock().expect("lock");
        received.push(request);
        received.len() - 1
    };
    let reply = replies
        .get(index)
        .or(replies.last())
        .cloned()
        .unwrap_or(Reply::Drop);
    match reply {
        Reply::Raw(bytes) => {
            let _ = stream.write_all(&bytes).await;
            let _ = stream.shutdown().await;
        }
        Reply::Drop => drop(stream),
        Reply::Stall(d) => {
            tokio::time::sleep(d).await;
            drop(stream);
        }
        Reply::Stream {
            total,
            chunk,
            pause,
        } => stream_body(&mut stream, &log, total, chunk, pause).await,
    }
}

async fn stream_body<S>(stream: &mut S, log: &Log, total: u64, chunk: usize, pause: Duration)
where
    S: AsyncWrite + Unpin,
{
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=utf-8\r\n\
                Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
    if stream.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    let mut frame = format!("{chunk:x}\r\n").into_bytes();
    frame.extend(std::iter::repeat_n(b'x', chunk));
    frame.extend_from_slice(b"\r\n");
    let mut sent = 0u64;
    while sent < total {
        if stream.write_all(&frame).await.is_err() {
            return;
        }
        sent += chunk as u64;
        log.body_bytes_sent
            .fetch_add(chunk as u64, Ordering::SeqCst);
        if !pause.is_zero() {
            tokio::time::sleep(pause).await;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let _ = stream.shutdown().await;
}

async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> Option<Received> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let head_end = loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            break i;
        }
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        buf.extend_from_slice(&chunk[..n]);
    };
    let head = String::from_utf8_lossy(&buf[..head_end]).into_owned();
    let mut lines = head.split("\r\n");
    let request_line = lines.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length: usize = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = buf[head_end + 4..].to_vec();
    while body.len() < length {
        let n = stream.read(&mut chunk).await.ok()?;
        if n == 0 {
            return None;
        }
        body.extend_from_slice(&chunk[..n]);
    }
    Some(Received {
        request_line,
        headers,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// An HTTP/1.1 answer with `Content-Length` and `Connection: close`.
pub fn response(status: u16, reason: &str, headers: &[(&str, &str)], body: &str) -> Reply {
    response_bytes(status, reason, headers, body.as_bytes())
}

/// [`response`] with a body that need not be UTF-8.
pub fn response_bytes(status: u16, reason: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
    let mut out = format!("HTTP/1.1 {status} {reason}\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    Reply::Raw(bytes)
}

/// A SOAP answer (`text/xml`).
pub fn soap(status: u16, body: &str) -> Reply {
    soap_with(status, &[], body)
}

/// A SOAP answer with more headers.
pub fn soap_with(status: u16, headers: &[(&str, &str)], body: &str) -> Reply {
    let reason = match status {
        200 => "OK",
        503 => "Service Unavailable",
        _ => "Internal Server Error",
    };
    let mut all = vec![("Content-Type", "text/xml; charset=utf-8")];
    all.extend_from_slice(headers);
    response(status, reason, &all, body)
}
