//! The generated server of `schemas/cases/soap12_service`, over HTTP on
//! loopback, called by the generated client of the same WSDL and by zeep,
//! a SOAP stack written elsewhere (with a WS-Security UsernameToken
//! digest): every operation, every declared fault, header entries both
//! ways, once over the SOAP 1.1 port and once over the SOAP 1.2 port.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use xsdgen_runtime::Error;
use xsdgen_runtime::auth::Secret;
use xsdgen_runtime::server::{CallContext, Router, UsernameTokenAuth, serve};
use xsdgen_runtime::soap::{Envelope, Fault, SoapVersion, StandardCode};
use xsdgen_runtime::wsse::UsernameTokenVerifier;
use xsdgen_testkit::peer::zeep_python;

#[allow(dead_code)]
mod stock {
    include!("../../schemas/cases/soap12_service/expected.rs");
}

use stock::operations::{GetLevelFault, ReserveFault, ReserveInputHeaders, ReserveOutputHeaders};
use stock::ports::{stock_soap, stock_soap12};
use stock::{
    GetLevel, GetLevelResponse, OutOfStock, Ping, PingResponse, RequestId, Reserve,
    ReserveResponse, Tenant, UnknownSku,
};

/// A stock of items by SKU, shared by both ports.
struct Stock {
    levels: Mutex<HashMap<String, i32>>,
    reservations: Mutex<u32>,
}

// The helpers answer what the `Server` methods answer: a `Fault` as is.
#[allow(clippy::result_large_err)]
impl Stock {
    fn new() -> Arc<Self> {
        let levels = [("apple".to_owned(), 5), ("pear".to_owned(), 0)].into();
        Arc::new(Self {
            levels: Mutex::new(levels),
            reservations: Mutex::new(0),
        })
    }

    fn unknown(cx: &CallContext, sku: &str) -> Fault {
        let entry = UnknownSku::new(sku.to_owned());
        GetLevelFault::UnknownSku(entry)
            .to_fault(Fault::sender(cx.version(), format!("no SKU {sku}")))
            .unwrap_or_else(|e| Fault::receiver(cx.version(), e.to_string()))
    }

    fn get_level(&self, cx: &CallContext, request: GetLevel) -> Result<GetLevelResponse, Fault> {
        let levels = self
            .levels
            .lock()
            .map_err(|_| Fault::receiver(cx.version(), "poisoned"))?;
        match levels.get(&request.sku) {
            Some(level) => Ok(GetLevelResponse::new(request.sku, *level)),
            None => Err(Self::unknown(cx, &request.sku)),
        }
    }

    fn reserve(
        &self,
        cx: &CallContext,
        request: Envelope<ReserveInputHeaders, Reserve>,
    ) -> Result<Envelope<ReserveOutputHeaders, ReserveResponse>, Fault> {
        let Envelope { headers, body } = request;
        let tenant = headers.tenant.map(|t| t.0).unwrap_or_default();
        let mut levels = self
            .levels
            .lock()
            .map_err(|_| Fault::receiver(cx.version(), "poisoned"))?;
        let Some(level) = levels.get_mut(&body.sku) else {
            let entry = UnknownSku::new(body.sku.clone());
            return Err(ReserveFault::UnknownSku(entry)
                .to_fault(Fault::sender(cx.version(), "unknown SKU"))
                .unwrap_or_else(|e| Fault::receiver(cx.version(), e.to_string())));
        };
        let wanted = i32::try_from(body.count).unwrap_or(i32::MAX);
        if wanted > *level {
            let entry = OutOfStock::new(body.sku, *level);
            return Err(ReserveFault::OutOfStock(entry)
                .to_fault(Fault::sender(cx.version(), "not enough in stock"))
                .unwrap_or_else(|e| Fault::receiver(cx.version(), e.to_string())));
        }
        *level -= wanted;
        let mut count = self
            .reservations
            .lock()
            .map_err(|_| Fault::receiver(cx.version(), "poisoned"))?;
        *count += 1;
        Ok(Envelope {
            headers: ReserveOutputHeaders {
                request_id: Some(RequestId(format!("{tenant}-{count}"))),
            },
            body: ReserveResponse::new(format!("R{count}")),
        })
    }

    /// The version the server saw, and who called when it was told.
    fn ping(cx: &CallContext) -> PingResponse {
        PingResponse::new(match cx.identity() {
            Some(caller) => format!("{} {}", cx.version(), caller.username),
            None => cx.version().to_string(),
        })
    }
}

impl stock_soap::Server for Stock {
    async fn get_level(
        &self,
        cx: CallContext,
        request: GetLevel,
    ) -> Result<GetLevelResponse, Fault> {
        Stock::get_level(self, &cx, request)
    }

    async fn reserve(
        &self,
        cx: CallContext,
        request: Envelope<ReserveInputHeaders, Reserve>,
    ) -> Result<Envelope<ReserveOutputHeaders, ReserveResponse>, Fault> {
        Stock::reserve(self, &cx, request)
    }

    async fn ping(&self, cx: CallContext, _request: Ping) -> Result<PingResponse, Fault> {
        Ok(Stock::ping(&cx))
    }
}

impl stock_soap12::Server for Stock {
    async fn get_level(
        &self,
        cx: CallContext,
        request: GetLevel,
    ) -> Result<GetLevelResponse, Fault> {
        Stock::get_level(self, &cx, request)
    }

    async fn reserve(
        &self,
        cx: CallContext,
        request: Envelope<ReserveInputHeaders, Reserve>,
    ) -> Result<Envelope<ReserveOutputHeaders, ReserveResponse>, Fault> {
        Stock::reserve(self, &cx, request)
    }

    async fn ping(&self, cx: CallContext, _request: Ping) -> Result<PingResponse, Fault> {
        Ok(Stock::ping(&cx))
    }
}

/// Serves `router` on a free loopback port until the test ends; the
/// endpoint's URL.
async fn start(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/stock", listener.local_addr().unwrap());
    tokio::spawn(serve(
        listener,
        router.into_service(),
        std::future::pending(),
    ));
    url
}

fn runtime_client(url: &str) -> xsdgen_runtime::client::Client {
    xsdgen_runtime::client::Client::builder(url)
        .build()
        .unwrap()
}

fn fault_of(error: &Error) -> &Fault {
    error
        .fault()
        .unwrap_or_else(|| panic!("a fault, not {error:?}"))
}

/// The answers a port's client gets, the same whatever the version.
macro_rules! exercise {
    ($port:ident, $version:expr) => {{
        let url = start($port::router(Stock::new())).await;
        let client = $port::Client::new(runtime_client(&url));
        let version: SoapVersion = $version;

        let ping = client.ping(&Ping::new()).await.unwrap();
        assert_eq!(
            ping.version,
            version.to_string(),
            "the server saw the client's version"
        );

        let level = client
            .get_level(&GetLevel::new("apple".into()))
            .await
            .unwrap();
        assert_eq!(level, GetLevelResponse::new("apple".into(), 5));

        let error = client
            .get_level(&GetLevel::new("plum".into()))
            .await
            .unwrap_err();
        let fault = fault_of(&error);
        assert_eq!(fault.version, version);
        assert_eq!(fault.standard_code(), Some(StandardCode::Sender));
        assert_eq!(fault.string, "no SKU plum");
        assert_eq!(
            GetLevelFault::from_fault(fault).unwrap().unwrap(),
            GetLevelFault::UnknownSku(UnknownSku::new("plum".into()))
        );

        let headers = ReserveInputHeaders {
            tenant: Some(Tenant("north".into())),
        };
        let answer = client
            .reserve_with_headers(&headers, &Reserve::new("apple".into(), 2))
            .await
            .unwrap();
        assert_eq!(answer.body, ReserveResponse::new("R1".into()));
        assert_eq!(answer.headers.request_id, Some(RequestId("north-1".into())));
        let level = client
            .get_level(&GetLevel::new("apple".into()))
            .await
            .unwrap();
        assert_eq!(level.level, 3, "the reservation took two");

        let error = client
            .reserve(&Reserve::new("apple".into(), 4))
            .await
            .unwrap_err();
        assert_eq!(
            ReserveFault::from_fault(fault_of(&error)).unwrap().unwrap(),
            ReserveFault::OutOfStock(OutOfStock::new("apple".into(), 3))
        );
        let error = client
            .reserve(&Reserve::new("kiwi".into(), 1))
            .await
            .unwrap_err();
        assert_eq!(
            ReserveFault::from_fault(fault_of(&error)).unwrap().unwrap(),
            ReserveFault::UnknownSku(UnknownSku::new("kiwi".into()))
        );
        // A fault the operation does not declare carries no entry.
        assert!(GetLevelFault::from_fault(&Fault::sender(version, "plain")).is_none());
    }};
}

#[tokio::test]
async fn the_generated_client_calls_the_generated_server_over_soap_1_1() {
    exercise!(stock_soap, SoapVersion::V11);
}

#[tokio::test]
async fn the_generated_client_calls_the_generated_server_over_soap_1_2() {
    exercise!(stock_soap12, SoapVersion::V12);
}

/// A server that implements nothing answers every operation with a
/// fault that says which one is missing.
#[tokio::test]
async fn an_operation_not_implemented_is_a_receiver_fault() {
    struct Nothing;
    impl stock_soap12::Server for Nothing {}
    let url = start(stock_soap12::router(Arc::new(Nothing))).await;
    let client = stock_soap12::Client::new(runtime_client(&url));
    let error = client.ping(&Ping::new()).await.unwrap_err();
    let fault = fault_of(&error);
    assert_eq!(fault.standard_code(), Some(StandardCode::Receiver));
    assert!(fault.string.contains("Ping"), "{}", fault.string);
}

/// A SOAP 1.1 request to the SOAP 1.2 port's server is refused with 415
/// (no operation of that version is served), not answered in the wrong
/// version.
#[tokio::test]
async fn each_port_answers_its_own_version_only() {
    let url = start(stock_soap12::router(Stock::new())).await;
    let client = stock_soap::Client::new(runtime_client(&url));
    let error = client.ping(&Ping::new()).await.unwrap_err();
    assert!(
        matches!(error, Error::Http { status: 415, .. }),
        "{error:?}"
    );
}

const PEER_USER: &str = "zeep";
const PEER_PASSWORD: &str = "peer-Pa55word";

/// `router` behind a required UsernameToken of the peer's user.
fn with_token(router: Router) -> Router {
    let verifier = UsernameTokenVerifier::new(|user: &str| {
        (user == PEER_USER).then(|| Secret::new(PEER_PASSWORD))
    });
    router.authenticate(UsernameTokenAuth::new(verifier).required())
}

/// What zeep printed, line by line, calling `binding` at `url`.
async fn zeep_calls(url: String, binding: &str) -> Option<Vec<String>> {
    let python = zeep_python()?;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let wsdl = root.join("schemas/cases/soap12_service/schema.wsdl");
    let script = root.join("tests/peers/zeep_stock.py");
    let binding = binding.to_owned();
    let output = tokio::task::spawn_blocking(move || {
        std::process::Command::new(python)
            .arg(script)
            .arg(wsdl)
            .arg(url)
            .arg(binding)
            .arg(PEER_USER)
            .arg(PEER_PASSWORD)
            .output()
    })
    .await
    .unwrap()
    .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "zeep failed:\n{stdout}\n{stderr}");
    Some(stdout.lines().map(str::to_owned).collect())
}

/// The lines zeep prints for the stock seen through either port.
fn expected_from_zeep(version: &str, wrong_password: &str) -> Vec<String> {
    [
        format!("Ping {version} {PEER_USER}"),
        "GetLevel 5".to_owned(),
        "GetLevel fault UnknownSku Sku=plum".to_owned(),
        "Reserve R1 north-1".to_owned(),
        "Reserve fault OutOfStock Sku=apple".to_owned(),
        format!("wrong password fault {wrong_password}"),
    ]
    .into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zeep_calls_the_generated_server_over_soap_1_2_with_a_digest_token() {
    let url = start(with_token(stock_soap12::router(Stock::new()))).await;
    let Some(lines) = zeep_calls(url, "StockSoap12").await else {
        return;
    };
    let failed = format!("{{{}}}FailedAuthentication", xsdgen_runtime::wsse::WSSE_NS);
    assert_eq!(lines, expected_from_zeep("SOAP 1.2", &failed));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn zeep_calls_the_generated_server_over_soap_1_1_with_a_digest_token() {
    let url = start(with_token(stock_soap::router(Stock::new()))).await;
    let Some(lines) = zeep_calls(url, "StockSoap").await else {
        return;
    };
    assert_eq!(
        lines,
        expected_from_zeep("SOAP 1.1", "wsse:FailedAuthentication")
    );
}
