//! Many calls at once, over one client's connection pool, and a shutdown
//! that lets the call in progress finish.

mod server_common;

use std::sync::Arc;
use std::time::Duration;

use server_common::*;
use tokio::sync::Notify;
use tokio::task::JoinSet;
use xsdgen_runtime::server::Router;
use xsdgen_runtime::soap::{Envelope, Fault, NoHeaders};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_two_concurrent_calls_all_succeed() {
    let server = Running::start(router()).await;
    let client = server.client();
    let mut calls = JoinSet::new();
    for i in 0..32 {
        let client = client.clone();
        calls.spawn(async move {
            let text = format!("call-{i}/");
            let answer = client
                .call::<Echo11>(&Echo {
                    text: text.clone(),
                    count: 2,
                })
                .await;
            (text, answer)
        });
    }
    let mut answered = 0;
    while let Some(joined) = calls.join_next().await {
        let (text, answer) = joined.unwrap();
        assert_eq!(answer.unwrap().text, text.repeat(2));
        answered += 1;
    }
    assert_eq!(answered, 32);
    server.stop().await;
}

#[tokio::test]
async fn shutdown_lets_the_call_in_progress_finish() {
    let started = Arc::new(Notify::new());
    let release = Arc::new(Notify::new());
    let (in_handler, go_on) = (Arc::clone(&started), Arc::clone(&release));
    let router = Router::new().operation::<Ping11, _, _>(move |_, _| {
        let (in_handler, go_on) = (Arc::clone(&in_handler), Arc::clone(&go_on));
        async move {
            in_handler.notify_one();
            go_on.notified().await;
            Ok::<_, Fault>(Envelope {
                headers: NoHeaders,
                body: Pong,
            })
        }
    });
    let server = Running::start(router).await;
    let addr = server.addr;
    let client = server.client();
    let call = tokio::spawn(async move { client.call::<Ping11>(&Ping).await });
    started.notified().await;

    let stopping = tokio::spawn(server.stop());
    // Give the shutdown time to stop accepting, then let the handler end.
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(
        tokio::net::TcpStream::connect(addr).await.is_err(),
        "no new connection once shutting down"
    );
    release.notify_one();
    assert_eq!(call.await.unwrap().unwrap(), Pong);
    stopping.await.unwrap();
}
