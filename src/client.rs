//! A typed client for every operation of the UM web service.
//!
//! Each method builds the generated request type, sends it through the
//! generated client of the WSDL's port ([`um::ports::um_service_port`],
//! over the runtime's client, which never resends ResetPIN, PlayOnPhone or
//! PlayOnPhoneGreeting once they may have reached the server), and unwraps
//! the result from the twice-wrapped response element: the sugar the WSDL
//! cannot say.

use xsdgen_runtime::Error;
use xsdgen_runtime::client::Client;

use crate::builder::UmClientBuilder;

use crate::um::{self, ports::um_service_port};

/// A UM web service client acting for the authenticated caller's own
/// mailbox (the service has no impersonation).
#[derive(Debug, Clone)]
pub struct UmClient {
    port: um_service_port::Client,
}

impl UmClient {
    /// A client of the service at `endpoint` (such as
    /// `https://mail.example.com/EWS/UM2007Legacy.asmx`), with the
    /// settings given to the builder: credentials, timeouts, retry policy.
    ///
    /// ```no_run
    /// # async fn run() -> Result<(), xsdgen_runtime::Error> {
    /// use xsdgen_runtime::auth::Credentials;
    ///
    /// let client = exchange_um::UmClient::builder("https://mail.example.com/EWS/UM2007Legacy.asmx")
    ///     .credentials(Credentials::basic("alice", "correct horse"))
    ///     .build()?;
    /// client.reset_pin().await?;
    /// # Ok(())
    /// # }
    /// ```
    pub fn builder(endpoint: impl Into<String>) -> UmClientBuilder {
        UmClientBuilder::new(endpoint.into())
    }

    /// A client over a SOAP client built elsewhere, for instance one
    /// shared with other services at the same endpoint.
    pub fn from_client(inner: Client) -> Self {
        Self {
            port: um_service_port::Client::new(inner),
        }
    }

    /// The SOAP client, for calling operations generically.
    pub fn soap(&self) -> &Client {
        self.port.inner()
    }

    /// The generated client of the WSDL's port, whose methods take and
    /// return the generated messages whole.
    pub fn port(&self) -> &um_service_port::Client {
        &self.port
    }

    /// Whether the caller's mailbox is enabled for Unified Messaging.
    pub async fn is_um_enabled(&self) -> Result<bool, Error> {
        let response = self.port.is_um_enabled(&um::IsUmEnabled::default()).await?;
        Ok(response.is_um_enabled_response)
    }

    pub async fn get_um_properties(&self) -> Result<Option<um::UmProperties>, Error> {
        let response = self
            .port
            .get_um_properties(&um::GetUmProperties::default())
            .await?;
        Ok(response.get_um_properties_response)
    }

    pub async fn set_oof_status(&self, status: bool) -> Result<(), Error> {
        self.port
            .set_oof_status(&um::SetOofStatus::new(status))
            .await?;
        Ok(())
    }

    pub async fn set_play_on_phone_dial_string(&self, dial_string: &str) -> Result<(), Error> {
        let request = um::SetPlayOnPhoneDialString {
            dial_string: Some(dial_string.to_owned()),
            ..Default::default()
        };
        self.port.set_play_on_phone_dial_string(&request).await?;
        Ok(())
    }

    /// Sets the folder read by telephone access; `base64_folder_id` is a
    /// base64 folder entry id.
    pub async fn set_telephone_access_folder_email(
        &self,
        base64_folder_id: &str,
    ) -> Result<(), Error> {
        let request = um::SetTelephoneAccessFolderEmail {
            base64_folder_id: Some(base64_folder_id.to_owned()),
            ..Default::default()
        };
        self.port
            .set_telephone_access_folder_email(&request)
            .await?;
        Ok(())
    }

    pub async fn set_missed_call_notification_enabled(&self, status: bool) -> Result<(), Error> {
        let request = um::SetMissedCallNotificationEnabled::new(status);
        self.port
            .set_missed_call_notification_enabled(&request)
            .await?;
        Ok(())
    }

    /// Resets the caller's PIN to a new random value that satisfies the
    /// mailbox's PIN policy; the server e-mails the new PIN to the caller.
    ///
    /// Not idempotent: each success makes a new PIN and sends another
    /// e-mail. On an error whose
    /// [`may_have_executed`](Error::may_have_executed) is true, the PIN may
    /// have been reset: check the mailbox before trying again.
    pub async fn reset_pin(&self) -> Result<um::ResetPinResponse, Error> {
        self.port.reset_pin(&um::ResetPin::default()).await
    }

    /// Calls `dial_string` and plays the voice mail item `entry_id`;
    /// returns the call id.
    pub async fn play_on_phone(
        &self,
        entry_id: &str,
        dial_string: &str,
    ) -> Result<Option<String>, Error> {
        let request = um::PlayOnPhone {
            entry_id: Some(entry_id.to_owned()),
            dial_string: Some(dial_string.to_owned()),
            ..Default::default()
        };
        let response = self.port.play_on_phone(&request).await?;
        Ok(response.play_on_phone_response)
    }

    pub async fn get_call_info(&self, call_id: &str) -> Result<Option<um::UmCallInfo>, Error> {
        let request = um::GetCallInfo {
            call_id: Some(call_id.to_owned()),
            ..Default::default()
        };
        let response = self.port.get_call_info(&request).await?;
        Ok(response.get_call_info_response)
    }

    pub async fn disconnect(&self, call_id: &str) -> Result<(), Error> {
        let request = um::Disconnect {
            call_id: Some(call_id.to_owned()),
            ..Default::default()
        };
        self.port.disconnect(&request).await?;
        Ok(())
    }

    /// Calls `dial_string` so that the caller can record a greeting;
    /// returns the call id.
    pub async fn play_on_phone_greeting(
        &self,
        greeting_type: um::UmGreetingType,
        dial_string: &str,
    ) -> Result<Option<String>, Error> {
        let request = um::PlayOnPhoneGreeting {
            dial_string: Some(dial_string.to_owned()),
            ..um::PlayOnPhoneGreeting::new(greeting_type)
        };
        let response = self.port.play_on_phone_greeting(&request).await?;
        Ok(response.play_on_phone_greeting_response)
    }
}
