//! What the authentication tests share: one user, a UsernameToken
//! verifier that knows her, and a client that may send her token.

use xsdgen_runtime::auth::Secret;
use xsdgen_runtime::client::{Client, NoRetry};
use xsdgen_runtime::server::{Router, UsernameTokenAuth};
use xsdgen_runtime::wsse::{UsernameToken, UsernameTokenVerifier};

use super::{Echo, Running, router};

pub const PASSWORD: &str = "s3cret-Horse-Battery";

pub fn lookup(user: &str) -> Option<Secret> {
    (user == "alice").then(|| Secret::new(PASSWORD))
}

pub fn verifier() -> UsernameTokenVerifier<fn(&str) -> Option<Secret>> {
    UsernameTokenVerifier::new(lookup as fn(&str) -> Option<Secret>)
}

pub fn with_token(required: bool) -> Router {
    let auth = UsernameTokenAuth::new(verifier());
    router().authenticate(if required { auth.required() } else { auth })
}

pub fn client(server: &Running, token: Option<UsernameToken>) -> Client {
    let mut builder = Client::builder(&server.url).retry_policy(NoRetry);
    if let Some(token) = token {
        builder = builder.username_token(token);
    }
    builder.build().unwrap()
}

pub fn hi() -> Echo {
    Echo {
        text: "hi".into(),
        count: 1,
    }
}
