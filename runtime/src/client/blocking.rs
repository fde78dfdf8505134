//! A blocking facade for scripts and tools that have no async runtime.
//!
//! Each [`Client`] owns a current-thread tokio runtime and runs every call
//! on it to completion. It must not be used from inside an async runtime
//! (calling it there returns an error rather than blocking a worker).

use crate::Operation;
use crate::error::Error;
use crate::soap::Envelope;

#[derive(Debug)]
pub struct Client {
    inner: super::Client,
    runtime: tokio::runtime::Runtime,
}

impl Client {
    pub fn new(inner: super::Client) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| Error::Config(format!("cannot start a tokio runtime: {e}")))?;
        Ok(Self { inner, runtime })
    }

    /// [`super::Client::call`], waiting for the result.
    pub fn call<O: Operation>(&self, request: &O::Request) -> Result<O::Response, Error> {
        self.check_not_async()?;
        self.runtime.block_on(self.inner.call::<O>(request))
    }

    /// [`super::Client::call_with_headers`], waiting for the result.
    pub fn call_with_headers<O: Operation>(
        &self,
        headers: &O::InputHeaders,
        request: &O::Request,
    ) -> Result<Envelope<O::OutputHeaders, O::Response>, Error> {
        self.check_not_async()?;
        self.runtime
            .block_on(self.inner.call_with_headers::<O>(headers, request))
    }

    fn check_not_async(&self) -> Result<(), Error> {
        if tokio::runtime::Handle::try_current().is_ok() {
            return Err(Error::Config(
                "the blocking client was called from inside an async runtime; use the async client"
                    .into(),
            ));
        }
        Ok(())
    }

    /// Runs any future of the async client to completion on this client's
    /// runtime, e.g. a typed wrapper's method.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> Result<F::Output, Error> {
        self.check_not_async()?;
        Ok(self.runtime.block_on(future))
    }

    /// The async client this one drives.
    pub fn as_async(&self) -> &super::Client {
        &self.inner
    }
}
