//! What a client can make the server hold, over real TCP: bodies over their route's limit are
//! answered 413 before they are sent, a body that streams past it is cut off, and a client that
//! trickles its headers is dropped after the header timeout while others are served.

use std::time::Duration;

use connect::store::testing::{Backend, TestDb};
use server::migrator::Migrator;
use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{TcpListener, TcpStream},
};

/// The header timeout the test server runs with.
const HEADER_TIMEOUT: Duration = Duration::from_secs(1);
/// What a 200 MB upload announces.
const HUGE: u64 = 200 * 1024 * 1024;

struct Running {
    address: std::net::SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
    db: TestDb,
}

impl Running {
    async fn start() -> Self {
        let db = TestDb::new::<Migrator>(Backend::Sqlite).await;
        let mut config = server::config::Config::from_lookup(|_| None).expect("config");
        config.secret_key = Some(connect::store::secrets::SecretBox::generate_key());
        let router = server::routes::router(
            server::state(&config, db.conn.clone())
                .await
                .expect("state"),
            Default::default(),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let address = listener.local_addr().expect("address");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(server::listen::serve(
            listener,
            router,
            HEADER_TIMEOUT,
            async move {
                let _ = stopped.await;
            },
        ));
        Self {
            address,
            stop: Some(stop),
            task,
            db,
        }
    }

    async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        let _ = tokio::time::timeout(Duration::from_secs(40), self.task).await;
        self.db.cleanup().await;
    }
}

/// Reads what the server sent until it closes or `within` passes.
async fn answer(stream: &mut TcpStream, within: Duration) -> String {
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    let _ = tokio::time::timeout(within, async {
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    seen.extend_from_slice(&buf[..n]);
                    if seen.windows(4).any(|w| w == b"\r\n\r\n") && seen.ends_with(b"\n") {
                        break;
                    }
                }
            }
        }
    })
    .await;
    String::from_utf8_lossy(&seen).into_owned()
}

async fn get_healthz(address: std::net::SocketAddr) -> String {
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .await
        .expect("send");
    answer(&mut stream, Duration::from_secs(10)).await
}

#[tokio::test]
async fn a_body_announced_over_its_routes_limit_is_refused_before_it_is_sent() {
    let server = Running::start().await;
    for (path, limit_kib) in [
        ("/api/self-check", server::body_limit::API / 1024),
        ("/office/callback", server::body_limit::CALLBACK / 1024),
        ("/installed", server::body_limit::LIFECYCLE / 1024),
    ] {
        let mut stream = TcpStream::connect(server.address).await.expect("connect");
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {HUGE}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.expect("send");
        // Only the first few bytes of the 200 MB ever go out.
        stream.write_all(&[b'x'; 1024]).await.expect("send");
        let reply = answer(&mut stream, Duration::from_secs(10)).await;
        assert!(reply.starts_with("HTTP/1.1 413"), "{path}: {reply}");
        assert!(
            reply.contains(&format!(
                "The request body is larger than the {limit_kib} KiB this address accepts."
            )),
            "{path}: {reply}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn a_body_that_streams_past_its_limit_is_cut_off_there() {
    let server = Running::start().await;
    let mut stream = TcpStream::connect(server.address).await.expect("connect");
    stream
        .write_all(
            b"POST /office/callback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
        )
        .await
        .expect("send");
    // Chunks of 64 KiB until the server answers: it must do so soon after the limit, not
    // after the 200 MB the client would send.
    let chunk = [b'x'; 64 * 1024];
    let mut sent = 0usize;
    let mut reply = String::new();
    while (sent as u64) < HUGE {
        let frame = format!("{:x}\r\n", chunk.len());
        let wrote = async {
            stream.write_all(frame.as_bytes()).await?;
            stream.write_all(&chunk).await?;
            stream.write_all(b"\r\n").await
        };
        let failed = tokio::time::timeout(Duration::from_secs(10), wrote)
            .await
            .map_or(true, |r| r.is_err());
        sent += chunk.len();
        let mut buf = [0u8; 4096];
        if let Ok(Ok(n)) =
            tokio::time::timeout(Duration::from_millis(1), stream.read(&mut buf)).await
        {
            reply.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        if failed || !reply.is_empty() {
            break;
        }
    }
    if reply.is_empty() {
        reply = answer(&mut stream, Duration::from_secs(10)).await;
    }
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    // What was sent before the answer is the limit plus what the sockets buffer, far from 200 MB.
    assert!(
        sent < 64 * 1024 * 1024,
        "{sent} bytes went out before the answer"
    );
    server.stop().await;
}

#[tokio::test]
async fn a_client_that_trickles_its_headers_is_dropped_while_others_are_served() {
    let server = Running::start().await;
    let mut slow = TcpStream::connect(server.address).await.expect("connect");
    let request = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
    let pace = HEADER_TIMEOUT / 4;
    let mut trickled = 0;
    let mut served_meanwhile = false;
    let mut dropped = false;
    for byte in request {
        if slow.write_all(&[*byte]).await.is_err() {
            dropped = true;
            break;
        }
        trickled += 1;
        if trickled == 2 {
            // While the slow client holds its connection, another one is answered at once.
            served_meanwhile = get_healthz(server.address).await.contains("\r\n\r\nok\n");
        }
        let mut buf = [0u8; 256];
        match tokio::time::timeout(pace, slow.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                dropped = true;
                break;
            }
            Ok(Ok(_)) => {
                // hyper may say 408 before closing; the close follows.
                dropped = true;
                break;
            }
            Err(_) => {}
        }
    }
    assert!(
        served_meanwhile,
        "/healthz was not answered beside the slow client"
    );
    assert!(dropped, "the slow client sent its whole request");
    // At one byte per quarter timeout, the whole request would need many timeouts.
    assert!(
        trickled < request.len() / 2,
        "dropped only after {trickled} of {} bytes",
        request.len()
    );
    server.stop().await;
}
