//! The UM operations for callers without an async runtime (behind the
//! `blocking` feature): each method runs [`crate::UmClient`]'s on a
//! runtime of its own, with the same errors and the same guarantee that
//! ResetPIN is never resent once it may have reached the server.

use xsdgen_runtime::Error;
use xsdgen_runtime::client::{Client, blocking};

use crate::um;

/// A blocking UM client. It must not be called from inside an async
/// runtime: that is an error, not a deadlock.
#[derive(Debug)]
pub struct UmClient {
    typed: crate::UmClient,
    driver: blocking::Client,
}

impl UmClient {
    /// Wraps a client made with [`crate::UmClient::builder`].
    pub fn new(client: Client) -> Result<Self, Error> {
        Ok(Self {
            typed: crate::UmClient::from_client(client.clone()),
            driver: blocking::Client::new(client)?,
        })
    }

    pub fn is_um_enabled(&self) -> Result<bool, Error> {
        self.driver.block_on(self.typed.is_um_enabled())?
    }

    pub fn get_um_properties(&self) -> Result<Option<um::UmProperties>, Error> {
        self.driver.block_on(self.typed.get_um_properties())?
    }

    pub fn set_oof_status(&self, status: bool) -> Result<(), Error> {
        self.driver.block_on(self.typed.set_oof_status(status))?
    }

    pub fn set_play_on_phone_dial_string(&self, dial_string: &str) -> Result<(), Error> {
        self.driver
            .block_on(self.typed.set_play_on_phone_dial_string(dial_string))?
    }

    pub fn set_telephone_access_folder_email(&self, base64_folder_id: &str) -> Result<(), Error> {
        self.driver.block_on(
            self.typed
                .set_telephone_access_folder_email(base64_folder_id),
        )?
    }

    pub fn set_missed_call_notification_enabled(&self, status: bool) -> Result<(), Error> {
        self.driver
            .block_on(self.typed.set_missed_call_notification_enabled(status))?
    }

    /// See [`crate::UmClient::reset_pin`].
    pub fn reset_pin(&self) -> Result<um::ResetPinResponse, Error> {
        self.driver.block_on(self.typed.reset_pin())?
    }

    pub fn play_on_phone(
        &self,
        entry_id: &str,
        dial_string: &str,
    ) -> Result<Option<String>, Error> {
        self.driver
            .block_on(self.typed.play_on_phone(entry_id, dial_string))?
    }

    pub fn get_call_info(&self, call_id: &str) -> Result<Option<um::UmCallInfo>, Error> {
        self.driver.block_on(self.typed.get_call_info(call_id))?
    }

    pub fn disconnect(&self, call_id: &str) -> Result<(), Error> {
        self.driver.block_on(self.typed.disconnect(call_id))?
    }

    pub fn play_on_phone_greeting(
        &self,
        greeting_type: um::UmGreetingType,
        dial_string: &str,
    ) -> Result<Option<String>, Error> {
        self.driver.block_on(
            self.typed
                .play_on_phone_greeting(greeting_type, dial_string),
        )?
    }
}
