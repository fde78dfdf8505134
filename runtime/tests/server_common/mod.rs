//! What the server tests share: small operations written as the generator
//! writes them, a server on loopback, and a raw HTTP exchange for what a
//! well-behaved client would not send.
// Each test binary uses a part of this module.
#![allow(dead_code)]

pub mod auth;

use std::net::SocketAddr;
use std::time::Duration;

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use xsdgen_runtime::Operation;
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::server::{CallContext, Router, serve};
use xsdgen_runtime::soap::{
    Envelope, Fault, NoHeaders, SoapVersion, XmlHeaders, read_header, write_header,
};
use xsdgen_runtime::xml::{
    Name, ReadError, Start, WriteError, XmlElement, XmlRead, XmlReader, XmlWrite, XmlWriter,
};

pub const NS: &str = "urn:test:echo";
pub const ECHO_ACTION: &str = "urn:test:echo/Echo";
pub const PING_ACTION: &str = "urn:test:echo/Ping";
pub const FAIL_ACTION: &str = "urn:test:echo/Fail";
pub const WHO_ACTION: &str = "urn:test:echo/WhoAmI";

const TEXT: Name = Name::new(NS, "Text");
const COUNT: Name = Name::new(NS, "Count");
const USER: Name = Name::new(NS, "User");

/// `<Echo><Text>…</Text><Count>n</Count></Echo>`: a string and an int, so
/// that a bad value has a path to name.
#[derive(Debug, Clone, PartialEq)]
pub struct Echo {
    pub text: String,
    pub count: i32,
}

impl XmlWrite for Echo {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.simple_element(TEXT, &self.text)?;
        w.simple_element(COUNT, &self.count)?;
        w.end()
    }
}

impl XmlRead for Echo {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        let text = child(r, TEXT)?;
        let count = child(r, COUNT)?;
        r.end()?;
        Ok(Self { text, count })
    }
}

impl XmlElement for Echo {
    const NAME: Name = Name::new(NS, "Echo");
}

/// The text repeated `count` times, and who asked.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EchoResponse {
    pub text: String,
    pub user: String,
}

impl XmlWrite for EchoResponse {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.simple_element(TEXT, &self.text)?;
        w.simple_element(USER, &self.user)?;
        w.end()
    }
}

impl XmlRead for EchoResponse {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        let text = child(r, TEXT)?;
        let user = child(r, USER)?;
        r.end()?;
        Ok(Self { text, user })
    }
}

impl XmlElement for EchoResponse {
    const NAME: Name = Name::new(NS, "EchoResponse");
}

fn child<T: xsdgen_runtime::xml::SimpleValue>(
    r: &mut XmlReader<'_>,
    name: Name,
) -> Result<T, ReadError> {
    let Some(start) = r.next_child()? else {
        return Err(r.missing(name));
    };
    r.expect(&start, name)?;
    r.read_value()
}

#[macro_use]
#[path = "../shared/empty_element.rs"]
mod empty_element;

empty_element!(Ping, NS, "Ping");
empty_element!(Pong, NS, "Pong");
empty_element!(Fail, NS, "Fail");
empty_element!(Failed, NS, "FailResponse");

/// `<Trace>id</Trace>`, the one header entry the Echo operations declare.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace(pub String);

impl XmlWrite for Trace {
    fn write_xml(&self, w: &mut XmlWriter, name: Name) -> Result<(), WriteError> {
        w.start(name);
        w.text(&self.0)?;
        w.end()
    }
}

impl XmlRead for Trace {
    fn read_xml(r: &mut XmlReader<'_>, _: &Start<'_>) -> Result<Self, ReadError> {
        Ok(Self(r.read_text()?.into_owned()))
    }
}

impl XmlElement for Trace {
    const NAME: Name = Name::new(NS, "Trace");
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct TraceHeaders {
    pub trace: Option<Trace>,
}

impl XmlHeaders for TraceHeaders {
    const NAMES: &'static [Name] = &[Trace::NAME];

    fn is_empty(&self) -> bool {
        self.trace.is_none()
    }

    fn write_headers(&self, w: &mut XmlWriter) -> Result<(), WriteError> {
        write_header(&self.trace, w)
    }

    fn read_header(&mut self, r: &mut XmlReader<'_>, start: &Start<'_>) -> Result<bool, ReadError> {
        read_header(&mut self.trace, r, start)
    }
}

/// Echo in SOAP 1.1, with the Trace header both ways.
pub struct Echo11;

impl Operation for Echo11 {
    type Request = Echo;
    type Response = EchoResponse;
    type InputHeaders = TraceHeaders;
    type OutputHeaders = TraceHeaders;
    const NAME: &'static str = "Echo";
    const SOAP_ACTION: &'static str = ECHO_ACTION;
    const SAFE_TO_RETRY: bool = true;
}

/// The same operation bound to SOAP 1.2.
pub struct Echo12;

impl Operation for Echo12 {
    type Request = Echo;
    type Response = EchoResponse;
    type InputHeaders = TraceHeaders;
    type OutputHeaders = TraceHeaders;
    const NAME: &'static str = "Echo";
    const SOAP_ACTION: &'static str = ECHO_ACTION;
    const VERSION: SoapVersion = SoapVersion::V12;
    const SAFE_TO_RETRY: bool = true;
}

/// SOAP 1.1 only.
pub struct Ping11;

impl Operation for Ping11 {
    type Request = Ping;
    type Response = Pong;
    type InputHeaders = NoHeaders;
    type OutputHeaders = NoHeaders;
    const NAME: &'static str = "Ping";
    const SOAP_ACTION: &'static str = PING_ACTION;
    const SAFE_TO_RETRY: bool = true;
}

/// Ping's request under another action, in 1.1 (for a client that
/// sends Ping's element with the wrong action).
pub struct PingAsFail;

impl Operation for PingAsFail {
    type Request = Ping;
    type Response = Pong;
    type InputHeaders = NoHeaders;
    type OutputHeaders = NoHeaders;
    const NAME: &'static str = "PingAsFail";
    const SOAP_ACTION: &'static str = FAIL_ACTION;
    const SAFE_TO_RETRY: bool = true;
}

/// Answers with a fault (or panics), in either version.
pub struct Fail11;

impl Operation for Fail11 {
    type Request = Fail;
    type Response = Failed;
    type InputHeaders = NoHeaders;
    type OutputHeaders = NoHeaders;
    const NAME: &'static str = "Fail";
    const SOAP_ACTION: &'static str = FAIL_ACTION;
    const SAFE_TO_RETRY: bool = false;
}

pub struct Fail12;

impl Operation for Fail12 {
    type Request = Fail;
    type Response = Failed;
    type InputHeaders = NoHeaders;
    type OutputHeaders = NoHeaders;
    const NAME: &'static str = "Fail";
    const SOAP_ACTION: &'static str = FAIL_ACTION;
    const VERSION: SoapVersion = SoapVersion::V12;
    const SAFE_TO_RETRY: bool = false;
}

/// The Echo handler: the text `count` times, the caller's name, and the
/// request's Trace sent back.
pub async fn echo(
    ctx: CallContext,
    request: Envelope<TraceHeaders, Echo>,
) -> Result<Envelope<TraceHeaders, EchoResponse>, Fault> {
    let count = usize::try_from(request.body.count)
        .map_err(|_| Fault::sender(ctx.version(), "Count must not be negative."))?;
    Ok(Envelope {
        headers: request.headers,
        body: EchoResponse {
            text: request.body.text.repeat(count),
            user: ctx
                .identity()
                .map(|who| who.username.clone())
                .unwrap_or_default(),
        },
    })
}

pub async fn ping(
    _: CallContext,
    _: Envelope<NoHeaders, Ping>,
) -> Result<Envelope<NoHeaders, Pong>, Fault> {
    Ok(Envelope {
        headers: NoHeaders,
        body: Pong,
    })
}

/// An EWS-style application fault, written by the handler in 1.1 terms
/// whatever the request's version.
pub async fn fail(
    _: CallContext,
    _: Envelope<NoHeaders, Fail>,
) -> Result<Envelope<NoHeaders, Failed>, Fault> {
    Err(Fault::invalid_request("Fail always fails."))
}

/// Echo in both versions, Ping in 1.1, Fail in both.
pub fn router() -> Router {
    Router::new()
        .operation::<Echo11, _, _>(echo)
        .operation::<Echo12, _, _>(echo)
        .operation::<Ping11, _, _>(ping)
        .operation::<Fail11, _, _>(fail)
        .operation::<Fail12, _, _>(fail)
}

/// A server on loopback; shut down (and awaited) by [`Self::stop`], or
/// left to the runtime's end.
pub struct Running {
    pub addr: SocketAddr,
    pub url: String,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Running {
    pub async fn start(router: Router) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("bound address");
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(serve(listener, router.into_service(), async move {
            let _ = stopped.await;
        }));
        Self {
            addr,
            url: format!("http://{addr}/service.asmx"),
            stop: Some(stop),
            task,
        }
    }

    pub fn client(&self) -> Client {
        Client::builder(&self.url)
            .retry_policy(NoRetry)
            .build()
            .expect("client")
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let ended = tokio::time::timeout(Duration::from_secs(20), &mut self.task)
            .await
            .expect("the server stops");
        ended.expect("no panic").expect("serve ends with Ok");
    }
}

/// An HTTP response as read off the wire.
#[derive(Debug)]
pub struct RawResponse {
    pub status: u16,
    /// Lower-cased names.
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl RawResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Writes `request` (which should say `Connection: close`) and reads the
/// answer to the end of the connection.
pub async fn raw(addr: SocketAddr, request: &[u8]) -> RawResponse {
    let mut stream = TcpStream::connect(addr).await.expect("connect");
    // The server may answer (and close) before taking all of it.
    let _ = stream.write_all(request).await;
    read_response(&mut stream).await
}

pub async fn read_response(stream: &mut TcpStream) -> RawResponse {
    let mut bytes = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(20), stream.read_to_end(&mut bytes)).await;
    match read {
        Ok(Ok(_)) => {}
        // A reset after the answer was written still leaves the answer.
        Ok(Err(_)) if !bytes.is_empty() => {}
        other => panic!("no answer: {other:?}"),
    }
    parse_response(&bytes)
}

pub fn parse_response(bytes: &[u8]) -> RawResponse {
    let text = String::from_utf8_lossy(bytes);
    let (head, body) = text.split_once("\r\n\r\n").expect("a response head");
    let mut lines = head.split("\r\n");
    let status_line = lines.next().expect("status line");
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status code");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    RawResponse {
        status,
        headers,
        body: body.to_owned(),
    }
}

/// A `POST` of `body` with these extra header lines, one per connection.
pub fn post(content_type: &str, extra: &[&str], body: &str) -> Vec<u8> {
    let mut head = format!(
        "POST /service.asmx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n",
        body.len()
    );
    for line in extra {
        head.push_str(line);
        head.push_str("\r\n");
    }
    head.push_str("\r\n");
    let mut bytes = head.into_bytes();
    bytes.extend_from_slice(body.as_bytes());
    bytes
}

/// An envelope of `version` around `body` (XML text) with `header`
/// entries (XML text, none when empty).
pub fn envelope(version: SoapVersion, header: &str, body: &str) -> String {
    let ns = version.namespace();
    let header = if header.is_empty() {
        String::new()
    } else {
        format!("<s:Header>{header}</s:Header>")
    };
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="{ns}">{header}<s:Body>{body}</s:Body></s:Envelope>"#
    )
}

pub fn echo_xml(text: &str, count: &str) -> String {
    format!(r#"<Echo xmlns="{NS}"><Text>{text}</Text><Count>{count}</Count></Echo>"#)
}

/// A reqwest client for requests the runtime's client would not send.
pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}
