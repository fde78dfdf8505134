//! The server's bounds: body size (declared and chunked), and the time a
//! client may take to send a head, a body, or nothing at all.

mod server_common;

use std::time::Duration;

use server_common::*;
use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::TcpStream;
use xsdgen_runtime::server::Limits;
use xsdgen_runtime::soap::SoapVersion;

const LIMIT: usize = 1024;

fn limited() -> Limits {
    Limits {
        max_body_bytes: LIMIT,
        ..Limits::default()
    }
}

/// An Echo envelope of exactly `len` bytes, padded in its text.
fn echo_of_len(len: usize) -> String {
    let bare = envelope(SoapVersion::V11, "", &echo_xml("", "1"));
    let pad = "x".repeat(len.saturating_sub(bare.len()));
    let body = envelope(SoapVersion::V11, "", &echo_xml(&pad, "1"));
    assert_eq!(body.len(), len);
    body
}

fn chunked(chunks: &[&str]) -> Vec<u8> {
    let mut request = b"POST /service.asmx HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for chunk in chunks {
        request.extend_from_slice(format!("{:x}\r\n{chunk}\r\n", chunk.len()).as_bytes());
    }
    request.extend_from_slice(b"0\r\n\r\n");
    request
}

#[tokio::test]
async fn a_declared_length_over_the_limit_is_refused_unread() {
    let server = Running::start(router().limits(limited())).await;
    let at_limit = echo_of_len(LIMIT);
    let response = raw(server.addr, &post("text/xml", &[], &at_limit)).await;
    assert_eq!(response.status, 200, "{}", response.body);

    let over = echo_of_len(LIMIT + 1);
    let response = raw(server.addr, &post("text/xml", &[], &over)).await;
    assert_eq!(response.status, 413);
    assert_eq!(response.header("connection"), Some("close"));
    assert!(
        response.body.contains("larger than 1024 bytes"),
        "{}",
        response.body
    );

    // Only the head is sent: the answer comes without waiting for a body.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 1000000\r\n\r\n")
        .await
        .unwrap();
    assert_eq!(read_response(&mut stream).await.status, 413);
    server.stop().await;
}

#[tokio::test]
async fn a_chunked_body_is_refused_once_it_passes_the_limit() {
    let server = Running::start(router().limits(limited())).await;
    let body = echo_of_len(LIMIT);
    let (a, b) = body.split_at(500);
    let response = raw(server.addr, &chunked(&[a, b])).await;
    assert_eq!(response.status, 200, "{}", response.body);

    let body = echo_of_len(LIMIT + 200);
    let (a, rest) = body.split_at(600);
    let (b, c) = rest.split_at(500);
    let response = raw(server.addr, &chunked(&[a, b, c])).await;
    assert_eq!(response.status, 413);

    // The first chunks under the limit, then one that passes it, and the
    // client stalls: the answer does not wait for the rest.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let mut request = chunked(&[&"y".repeat(LIMIT + 1)]);
    request.truncate(request.len() - 5); // no final chunk
    stream.write_all(&request).await.unwrap();
    assert_eq!(read_response(&mut stream).await.status, 413);
    server.stop().await;
}

#[tokio::test]
async fn a_body_that_does_not_arrive_in_time_is_408() {
    let limits = Limits {
        body_read_timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let server = Running::start(router().limits(limits)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 100\r\n\r\n<s:Envelope")
        .await
        .unwrap();
    let response = read_response(&mut stream).await;
    assert_eq!(response.status, 408);
    assert_eq!(response.header("connection"), Some("close"));
    server.stop().await;
}

/// Whether the server closes `stream` (end of stream, or a reset) within
/// a generous bound, having sent nothing.
async fn closed_silently(stream: &mut TcpStream) -> bool {
    let mut buf = [0u8; 64];
    match tokio::time::timeout(Duration::from_secs(10), stream.read(&mut buf)).await {
        Ok(Ok(0)) | Ok(Err(_)) => true,
        Ok(Ok(n)) => panic!("the server sent {:?}", String::from_utf8_lossy(&buf[..n])),
        Err(_) => false,
    }
}

#[tokio::test]
async fn a_head_that_does_not_arrive_in_time_closes_the_connection() {
    let limits = Limits {
        header_read_timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let server = Running::start(router().limits(limits)).await;
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    stream
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    assert!(closed_silently(&mut stream).await);
    // The server itself goes on.
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    assert_eq!(
        raw(server.addr, &post("text/xml", &[], &body)).await.status,
        200
    );
    server.stop().await;
}

#[tokio::test]
async fn an_idle_connection_is_closed() {
    let limits = Limits {
        header_read_timeout: None,
        idle_timeout: Some(Duration::from_millis(200)),
        ..Limits::default()
    };
    let server = Running::start(router().limits(limits)).await;
    // Never a byte.
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    assert!(closed_silently(&mut silent).await);

    // One request kept alive, then nothing.
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let body = envelope(SoapVersion::V11, "", &echo_xml("a", "1"));
    let request = String::from_utf8(post("text/xml", &[], &body))
        .unwrap()
        .replace("Connection: close\r\n", "");
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("</soap:Envelope>") {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "closed before the answer");
        answer.extend_from_slice(&buf[..n]);
    }
    assert_eq!(parse_response(&answer).status, 200);
    assert!(closed_silently(&mut stream).await);
    server.stop().await;
}
